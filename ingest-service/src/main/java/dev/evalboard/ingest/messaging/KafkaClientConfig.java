package dev.evalboard.ingest.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The client settings from the application's {@code kafka.*} configuration (bootstrap servers, security...). */
final class KafkaClientConfig {
    // Entries of the kafka.* namespace that configure Quarkus, not the Kafka clients.
    private static final Set<String> NOT_CLIENT_SETTINGS = Set.of("health", "devservices", "snappy");

    private KafkaClientConfig() {
    }

    static Map<String, Object> clientProperties(Map<String, Object> kafkaConfig) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (NOT_CLIENT_SETTINGS.stream().noneMatch(prefix -> key.startsWith(prefix))) {
                props.put(key, value);
            }
        });
        return props;
    }
}
