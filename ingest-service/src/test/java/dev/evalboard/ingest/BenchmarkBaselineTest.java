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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A benchmark's random baseline follows its most recent statement (by evaluatedAt), whatever the arrival order; an
 * event that omits it keeps it; one outside [0, 100) is dead-lettered with its reason.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BenchmarkBaselineTest {

    @Test
    void theMostRecentStatementWinsAndAnOmissionKeepsIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String benchmark = "MMLU-" + run;
        publishAndAwaitStored("new-" + run, EventJson.event("new-" + run, "m1", benchmark, 70,
                "2025-06-02T00:00:00Z").put("benchmarkBaseline", 25).toString());
        // Older, arriving later: it changes nothing; a newer event without a baseline keeps it.
        publishAndAwaitStored("old-" + run, EventJson.event("old-" + run, "m2", benchmark, 60,
                "2025-06-01T00:00:00Z").put("benchmarkBaseline", 20).toString());
        publishAndAwaitStored("silent-" + run, EventJson.event("silent-" + run, "m3", benchmark, 50,
                "2025-06-03T00:00:00Z").toString());
        assertEquals(1, count("SELECT count(*) FROM benchmark WHERE name = ? AND baseline = 25", benchmark));

        publishAndAwaitStored("newer-" + run, EventJson.event("newer-" + run, "m1", benchmark, 71,
                "2025-06-04T00:00:00Z").put("benchmarkBaseline", 24.5).toString());
        assertEquals(1, count("SELECT count(*) FROM benchmark WHERE name = ? AND baseline = 24.5", benchmark));
    }

    @Test
    void aBaselineOfAHundredIsDeadLettered() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (var deadLetters = IngestTestSupport.deadLetterReaderAtEnd()) {
            IngestTestSupport.publish(List.of(EventJson.event("bad-" + run, "m1", "Guess-" + run, 70, null)
                    .put("benchmarkBaseline", 100).toString()));
            List<ConsumerRecord<byte[], byte[]>> letters = IngestTestSupport.readDeadLetters(deadLetters, 1);
            assertEquals(1, letters.size());
            assertEquals("/benchmarkBaseline", header(letters.get(0), EventTopics.HEADER_ERROR_FIELD));
            assertTrue(header(letters.get(0), EventTopics.HEADER_ERROR).contains("outside [0, 100)"),
                    header(letters.get(0), EventTopics.HEADER_ERROR));
        }
        assertEquals(0, count("SELECT count(*) FROM result WHERE event_id = ?", "bad-" + run));
    }

    private static void publishAndAwaitStored(String eventId, String json) {
        IngestTestSupport.publish(List.of(json));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM result WHERE event_id = ?", eventId) == 1);
    }
}
