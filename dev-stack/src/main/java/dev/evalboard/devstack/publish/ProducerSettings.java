package dev.evalboard.devstack.publish;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings of {@code ./evalboard publish}: the broker and how to log in (SASL, TLS), from
 * {@code KAFKA_*} environment variables named as the services read them ({@code KAFKA_SECURITY_PROTOCOL} is
 * {@code security.protocol}) and from a client properties file ({@code --kafka-config}), which wins. Acknowledgement
 * by all replicas and idempotence stay on whatever they say: a publish reports only what the broker kept.
 */
final class ProducerSettings {
    static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    private static final Set<String> KNOWN = ProducerConfig.configNames();

    private ProducerSettings() {
    }

    /** @throws IllegalArgumentException for a file that cannot be read or names a setting producers do not have */
    static Map<String, Object> of(Map<String, String> environment, Path configFile) {
        Map<String, Object> settings = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP,
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000));
        environment.forEach((variable, value) -> {
            // Other KAFKA_ variables (KAFKA_HOME, KAFKA_OPTS...) are not client settings and are left alone.
            String name = variable.startsWith("KAFKA_")
                    ? variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.') : "";
            if (KNOWN.contains(name)) {
                settings.put(name, value);
            }
        });
        if (configFile != null) {
            settings.putAll(read(configFile));
        }
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return settings;
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the Kafka client settings " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(file + ": " + name + " is not a Kafka producer setting");
            }
            settings.put(name, properties.getProperty(name));
        }
        return settings;
    }
}
