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
 * A benchmark's version is part of its identity (each version settled on its own); a run's settings are kept in the
 * history, and a current result that scored fewer samples than the benchmark has is marked partial.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VersionsAndSettingsTest {

    @Test
    void eachVersionIsABenchmarkOfItsOwnSettledOnItsOwn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String benchmark = "Versioned-" + run;
        publishAndAwaitStored("none-" + run, EventJson.event("none-" + run, "m1", benchmark, 40, null).toString());
        publishAndAwaitStored("v1-" + run, EventJson.event("v1-" + run, "m1", benchmark, 50, null)
                .put("benchmarkVersion", "1").put("higherIsBetter", true).toString());
        // Version 2 scores errors: lower is better there, which version 1's direction does not contradict.
        publishAndAwaitStored("v2-" + run, EventJson.event("v2-" + run, "m1", benchmark, 3, null)
                .put("benchmarkVersion", "2").put("higherIsBetter", false).toString());

        assertEquals(List.of(List.of("", "unset"), List.of("1", "true"), List.of("2", "false")),
                IngestTestSupport.rows("SELECT version, coalesce(higher_is_better::text, 'unset') FROM benchmark"
                        + " WHERE name = ? ORDER BY version", benchmark));
        assertEquals(3, count("SELECT count(*) FROM current_result c JOIN benchmark b ON b.id = c.benchmark_id"
                + " WHERE b.name = ?", benchmark), "one current result per version: never one board");
    }

    @Test
    void keepsTheSettingsAndMarksAPartialCurrentResult() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String benchmark = "Settings-" + run;
        var partial = EventJson.event("part-" + run, "m1", benchmark, 70, "2025-06-01T00:00:00Z").put("samples", 50);
        partial.putObject("settings").put("fewShot", 5).put("samplesTotal", 100).put("harness", "lm-evaluation-harness")
                .put("harnessVersion", "0.4.9").put("commit", "abc1234");
        publishAndAwaitStored("part-" + run, partial.toString());
        assertEquals(List.of(List.of("5", "100", "lm-evaluation-harness", "0.4.9", "abc1234")), IngestTestSupport.rows(
                "SELECT few_shot, samples_total, harness, harness_version, commit FROM result WHERE event_id = ?",
                "part-" + run));
        assertEquals(1, count("SELECT count(*) FROM current_result WHERE event_id = ? AND partial", "part-" + run));

        var full = EventJson.event("full-" + run, "m1", benchmark, 71, "2025-06-02T00:00:00Z").put("samples", 100);
        full.putObject("settings").put("samplesTotal", 100);
        publishAndAwaitStored("full-" + run, full.toString());
        assertEquals(1, count("SELECT count(*) FROM current_result WHERE event_id = ? AND NOT partial",
                "full-" + run), "the newer full run replaces the partial one, and is not partial");
    }

    @Test
    void moreSamplesThanTheBenchmarkHasAreDeadLettered() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (var deadLetters = IngestTestSupport.deadLetterReaderAtEnd()) {
            var event = EventJson.event("over-" + run, "m1", "Over-" + run, 70, null).put("samples", 101);
            event.putObject("settings").put("samplesTotal", 100);
            IngestTestSupport.publish(List.of(event.toString()));
            List<ConsumerRecord<byte[], byte[]>> letters = IngestTestSupport.readDeadLetters(deadLetters, 1);
            assertEquals(1, letters.size());
            assertEquals("/samples", header(letters.get(0), EventTopics.HEADER_ERROR_FIELD));
            assertTrue(header(letters.get(0), EventTopics.HEADER_ERROR).contains("samplesTotal"));
        }
    }

    private static void publishAndAwaitStored(String eventId, String json) {
        IngestTestSupport.publish(List.of(json));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM result WHERE event_id = ?", eventId) == 1);
    }
}
