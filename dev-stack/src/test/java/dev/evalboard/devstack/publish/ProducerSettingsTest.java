package dev.evalboard.devstack.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code ./evalboard publish} finds the broker and its login. */
class ProducerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void readsKafkaVariablesAsTheServicesDoAndLeavesOthersAlone() {
        Map<String, Object> settings = ProducerSettings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "login", "KAFKA_OPTS", "-Xmx1g", "KAFKA_HOME", "/opt/kafka"), null);

        assertEquals("kafka:9092", settings.get("bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", settings.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
        assertEquals("login", settings.get("sasl.jaas.config"));
        assertFalse(settings.containsKey("opts"));
        assertFalse(settings.containsKey("home"));
    }

    @Test
    void theFileWinsOverTheEnvironmentButAcknowledgementsStayOn() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=broker:9093\nsecurity.protocol=SASL_SSL\nacks=0\n");

        Map<String, Object> settings = ProducerSettings.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"), file);

        assertEquals("broker:9093", settings.get("bootstrap.servers"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("all", settings.get("acks"));
        assertEquals(true, settings.get("enable.idempotence"));
    }

    @Test
    void withNothingSetPublishesToTheLocalBroker() {
        assertEquals("localhost:9092", ProducerSettings.of(Map.of(), null).get("bootstrap.servers"));
    }
}
