package dev.evalboard.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at a Kafka broker: the one in {@code KAFKA_BOOTSTRAP_SERVERS} when set, otherwise the
 * shared embedded broker.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return external != null && !external.isBlank() ? external : SharedServers.kafka().bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across test classes; stopped when the JVM exits.
    }
}
