package dev.evalboard.devstack.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.testing.SharedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** {@code ./evalboard moderate} against the real broker. */
class ModeratorTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int moderate(String... args) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Moderator.moderate(args, Map.of("KAFKA_BOOTSTRAP_SERVERS", SharedServers.kafka().bootstrapServers()),
                print, print);
    }

    @Test
    void sendsAFlagKeyedByModel() {
        String model = "moderated-" + UUID.randomUUID();
        assertEquals(0, moderate("flag", model, "trained on the test set", "https://example.org/why"), out.toString());
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", SharedServers.kafka().bootstrapServers(), "group.id", "moderator-test-"
                        + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(EventTopics.MODERATION));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (model.equals(record.key())) {
                        assertEquals("{\"action\":\"flag\",\"model\":\"" + model + "\",\"reason\":\"trained on the"
                                + " test set\",\"url\":\"https://example.org/why\"}", record.value());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the flag was not on " + EventTopics.MODERATION);
    }

    @Test
    void refusesWhatIngestWouldDeadLetter() {
        assertEquals(2, moderate("flag", "m", "r", "javascript:alert(1)"));
        assertTrue(out.toString().contains("url must be an absolute http or https URL"), out.toString());
        assertEquals(2, moderate("ban", "m"));
        assertTrue(out.toString().contains("usage: ./evalboard moderate"), out.toString());
    }
}
