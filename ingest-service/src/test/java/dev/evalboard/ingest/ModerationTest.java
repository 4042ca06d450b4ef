package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.rows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.ModerationRecord;
import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.contract.change.ResultChange.Benchmark;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import dev.evalboard.ingest.repository.ModerationStore;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Flags, unflags and retractions published on eval.moderation, through the real broker and database. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ModerationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ModerationStore store;

    @Test
    void aFlagIsSetAnnouncedOnTheModelsBoardsAndLifted() throws Exception {
        String model = "flagged-" + run;
        IngestTestSupport.publish(List.of(EventJson.event("f-" + run, model, "FB-" + run, 50, null).toString()));
        awaitCount("SELECT count(*) FROM result WHERE event_id = ?", 1, "f-" + run);
        try (KafkaConsumer<byte[], byte[]> feed = IngestTestSupport.changeFeedAtEnd()) {
            moderate("{\"action\":\"flag\",\"model\":\"" + model + "\",\"reason\":\"trained on the test set\","
                    + "\"url\":\"https://example.org/issue/1\"}");
            awaitCount("SELECT count(*) FROM model_flag WHERE model_name = ?", 1, model);
            assertEquals(List.of(List.of("trained on the test set", "https://example.org/issue/1")),
                    rows("SELECT reason, url FROM model_flag WHERE model_name = ?", model));
            ResultChange change = announced(feed, model);
            assertEquals(List.of(new Benchmark("FB-" + run, "pass@1")), change.benchmarks());
        }
        moderate("{\"action\":\"unflag\",\"model\":\"" + model + "\"}");
        awaitCount("SELECT count(*) FROM model_flag WHERE model_name = ?", 0, model);
        assertEquals(List.of(List.of("flag"), List.of("unflag")), rows("SELECT action FROM moderation_log"
                + " WHERE model_name = ? ORDER BY kafka_offset", model), "the log keeps both");
    }

    @Test
    void aRetractionRestoresThePreviousRunAndTheLastOneTakesTheModelOffTheBoard() {
        String model = "retracted-" + run;
        String board = "RB-" + run;
        IngestTestSupport.publish(List.of(
                EventJson.event("old-" + run, model, board, 40, "2025-01-01T00:00:00Z").toString(),
                EventJson.event("new-" + run, model, board, 90, "2025-02-01T00:00:00Z").toString()));
        awaitCount("SELECT count(*) FROM current_result WHERE event_id = ?", 1, "new-" + run);

        moderate("{\"action\":\"retract\",\"eventId\":\"new-" + run + "\",\"reason\":\"wrong split\"}");
        awaitCount("SELECT count(*) FROM current_result WHERE event_id = ?", 1, "old-" + run);
        assertEquals(1, boardCount(board));

        moderate("{\"action\":\"retract\",\"eventId\":\"old-" + run + "\",\"reason\":\"wrong split too\"}");
        awaitCount("SELECT count(*) FROM retraction WHERE event_id = ?", 1, "old-" + run);
        assertEquals(0, count("SELECT count(*) FROM current_result c JOIN model m ON m.id = c.model_id"
                + " WHERE m.name = ?", model), "no run left: the model leaves the board");
        assertEquals(0, boardCount(board), "the board's kept count follows");
        assertEquals(2, count("SELECT count(*) FROM result r JOIN model m ON m.id = r.model_id WHERE m.name = ?",
                model), "the history keeps both runs");
    }

    @Test
    void aRetractionBeforeItsRunKeepsTheRunOffTheBoard() {
        String model = "early-" + run;
        moderate("{\"action\":\"retract\",\"eventId\":\"early-" + run + "\",\"reason\":\"known bad\"}");
        awaitCount("SELECT count(*) FROM retraction WHERE event_id = ?", 1, "early-" + run);
        IngestTestSupport.publish(List.of(
                EventJson.event("early-" + run, model, "EB-" + run, 70, "2025-03-01T00:00:00Z").toString(),
                EventJson.event("fine-" + run, model, "EB-" + run, 30, "2025-01-01T00:00:00Z").toString()));
        awaitCount("SELECT count(*) FROM result WHERE event_id = ?", 1, "fine-" + run);
        assertEquals(List.of(List.of("fine-" + run)), rows("SELECT c.event_id FROM current_result c"
                + " JOIN model m ON m.id = c.model_id WHERE m.name = ?", model));
    }

    @Test
    void aBadRecordIsDeadLetteredWithItsReasonAndTheNextOneApplied() {
        String model = "after-bad-" + run;
        try (KafkaConsumer<byte[], byte[]> letters = IngestTestSupport.deadLetterReaderAtEnd()) {
            moderate("{\"action\":\"ban\",\"model\":\"" + model + "\"}");
            moderate("{\"action\":\"flag\",\"model\":\"" + model + "\",\"reason\":\"r\"}");
            awaitCount("SELECT count(*) FROM model_flag WHERE model_name = ?", 1, model);
            List<ConsumerRecord<byte[], byte[]>> dead = IngestTestSupport.readDeadLetters(letters, 1).stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(model)).toList();
            assertEquals(1, dead.size());
            assertEquals("action must be one of flag, unflag, retract",
                    IngestTestSupport.header(dead.get(0), EventTopics.HEADER_ERROR));
            assertEquals("/action", IngestTestSupport.header(dead.get(0), EventTopics.HEADER_ERROR_FIELD));
            assertEquals(EventTopics.MODERATION,
                    IngestTestSupport.header(dead.get(0), EventTopics.HEADER_SOURCE_TOPIC));
        }
    }

    @Test
    void aRecordDeliveredAgainChangesNothing() throws Exception {
        String model = "redelivered-" + run;
        int partition = 7_777;
        long offset = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        ModerationRecord flag = new ModerationRecord.Flag(model, "first", null);
        store.apply(flag, partition, offset);
        store.apply(new ModerationRecord.Unflag(model), partition, offset + 1);
        store.apply(flag, partition, offset);
        assertEquals(0, count("SELECT count(*) FROM model_flag WHERE model_name = ?", model),
                "the flag delivered again after its unflag does not come back");
        assertEquals(2, count("SELECT count(*) FROM moderation_log WHERE model_name = ?", model));
    }

    private static long boardCount(String board) {
        return count("SELECT coalesce(sum(n.results), 0) FROM current_result_count n JOIN benchmark b"
                + " ON b.id = n.benchmark_id WHERE b.name = ?", board);
    }

    private static void moderate(String json) {
        try (var producer = IngestTestSupport.producer()) {
            producer.send(new ProducerRecord<>(EventTopics.MODERATION, json.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCount(String sql, long expected, Object... args) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(sql, args) == expected);
    }


    private static ResultChange announced(KafkaConsumer<byte[], byte[]> feed, String model) {
        List<ResultChange> changes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            feed.poll(Duration.ofMillis(200)).forEach(r -> changes.add(ResultChange.fromJson(r.value())));
            for (ResultChange change : changes) {
                if (change.models().contains(model)) {
                    return change;
                }
            }
        }
        assertTrue(false, "announced within 60 s: " + changes);
        return null;
    }
}
