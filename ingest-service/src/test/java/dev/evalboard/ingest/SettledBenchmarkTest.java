package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * How a benchmark is judged is settled by its first statement: a later event that flips higherIsBetter or unit is
 * dead-lettered with its reason, and the board keeps its direction.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SettledBenchmarkTest {

    @Test
    void anEventThatFlipsTheDirectionOfASettledBenchmarkIsDeadLettered() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String benchmark = "AIME-" + run;
        publishAndAwaitStored("first-" + run, EventJson.event("first-" + run, "m1", benchmark, 80, null)
                .put("higherIsBetter", true).toString());

        try (var deadLetters = IngestTestSupport.deadLetterReaderAtEnd()) {
            // Dated after the first statement (and within the allowed clock skew): it would have won under "latest
            // statement wins".
            String flip = EventJson.event("flip-" + run, "m2", benchmark, 1, Instant.now().plusSeconds(120).toString())
                    .put("higherIsBetter", false).toString();
            String silent = EventJson.event("silent-" + run, "m3", benchmark, 50, null).toString();
            IngestTestSupport.publish(List.of(flip, silent));
            List<ConsumerRecord<byte[], byte[]>> letters = IngestTestSupport.readDeadLetters(deadLetters, 1);
            assertEquals(1, letters.size());
            assertEquals(flip, new String(letters.get(0).value(), StandardCharsets.UTF_8));
            assertEquals("/higherIsBetter", header(letters.get(0), EventTopics.HEADER_ERROR_FIELD));
            assertTrue(header(letters.get(0), EventTopics.HEADER_ERROR).contains("settled"),
                    header(letters.get(0), EventTopics.HEADER_ERROR));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored("silent-" + run) == 1);
        assertEquals(0, stored("flip-" + run), "the flip is not in the history");
        assertEquals(1, count("SELECT count(*) FROM benchmark WHERE name = ? AND higher_is_better", benchmark));
    }

    @Test
    void anEventThatChangesTheUnitOfASettledBenchmarkIsDeadLettered() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String benchmark = "Perplexity-" + run;
        publishAndAwaitStored("raw-" + run, EventJson.event("raw-" + run, "m1", benchmark, 7.5, null)
                .put("unit", "raw").put("higherIsBetter", false).toString());

        try (var deadLetters = IngestTestSupport.deadLetterReaderAtEnd()) {
            String percent = EventJson.event("percent-" + run, "m2", benchmark, 3, null).put("unit", "percent")
                    .put("higherIsBetter", false).toString();
            IngestTestSupport.publish(List.of(percent));
            List<ConsumerRecord<byte[], byte[]>> letters = IngestTestSupport.readDeadLetters(deadLetters, 1);
            assertEquals(1, letters.size());
            assertEquals("/unit", header(letters.get(0), EventTopics.HEADER_ERROR_FIELD));
        }
        assertEquals(0, stored("percent-" + run));
        assertEquals(1, count("SELECT count(*) FROM benchmark WHERE name = ? AND unit = 'raw'", benchmark));
    }

    private static void publishAndAwaitStored(String eventId, String json) {
        IngestTestSupport.publish(List.of(json));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(eventId) == 1);
    }

    private static long stored(String eventId) {
        return count("SELECT count(*) FROM result WHERE event_id = ?", eventId);
    }
}
