package dev.evalboard.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.contract.change.ResultChange.Benchmark;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** Every committed batch is announced on eval.changes with what it touched and where the WAL stood. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChangeFeedTest {

    @Test
    void aBatchIsAnnouncedWithItsBenchmarksModelsAndAWalPositionAlreadyFlushed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaConsumer<byte[], byte[]> feed = IngestTestSupport.changeFeedAtEnd()) {
            IngestTestSupport.publish(List.of(
                    EventJson.event("a-" + run, "m1-" + run, "B1-" + run, 50, null).toString(),
                    EventJson.event("b-" + run, "m2-" + run, "B2-" + run, 60, null).put("metric", "pass@5")
                            .toString()));
            List<ResultChange> changes = readUntil(feed, seen -> benchmarks(seen).containsAll(List.of(
                    new Benchmark("B1-" + run, "pass@1"), new Benchmark("B2-" + run, "pass@5"))));
            ResultChange last = changes.get(changes.size() - 1);
            assertTrue(models(changes).containsAll(List.of("m1-" + run, "m2-" + run)), models(changes).toString());
            assertFalse(last.allModels());
            assertEquals(1, IngestTestSupport.count("SELECT count(*) WHERE pg_current_wal_flush_lsn() >= ?::pg_lsn",
                    last.lsn()), "the announced position is flushed");
        }
    }

    @Test
    void aModelWhoseSizeChangesAnnouncesEveryBoardItIsOn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Benchmark> announced = boardsAnnouncedWhenAModelGrows(run, null);
        assertTrue(announced.contains(new Benchmark("Old-" + run, "pass@1")),
                "the old board shows the model's new size: " + announced);
    }

    @Test
    void aVersionedBenchmarkIsAnnouncedWithItsVersionAlsoWhenAModelOnItChanges() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Benchmark> announced = boardsAnnouncedWhenAModelGrows(run, "2");
        assertTrue(announced.contains(new Benchmark("Old-" + run, "pass@1", "2")),
                "the versioned board the model is on, named with its version: " + announced);
    }

    /**
     * A model's run on Old-{run} (in {@code version}, when given), then its run on New-{run} stating a new size: the
     * boards announced meanwhile, up to New-{run}'s.
     */
    private static List<Benchmark> boardsAnnouncedWhenAModelGrows(String run, String version) throws Exception {
        String model = "growing-" + run;
        var first = EventJson.event("old-" + run, model, "Old-" + run, 50, "2025-01-01T00:00:00Z");
        if (version != null) {
            first.put("benchmarkVersion", version);
        }
        IngestTestSupport.publish(List.of(first.toString()));
        awaitStored("old-" + run);
        try (KafkaConsumer<byte[], byte[]> feed = IngestTestSupport.changeFeedAtEnd()) {
            var event = EventJson.event("new-" + run, model, "New-" + run, 70, "2025-02-01T00:00:00Z");
            event.withObject("/model").put("parameters", 8_000_000_000L);
            IngestTestSupport.publish(List.of(event.toString()));
            Benchmark grown = new Benchmark("New-" + run, "pass@1");
            return benchmarks(readUntil(feed, seen -> benchmarks(seen).contains(grown)));
        }
    }

    @Test
    void aBatchDeliveredAgainIsAnnouncedAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String event = EventJson.event("again-" + run, "m-" + run, "Again-" + run, 50, null).toString();
        IngestTestSupport.publish(List.of(event));
        awaitStored("again-" + run);
        try (KafkaConsumer<byte[], byte[]> feed = IngestTestSupport.changeFeedAtEnd()) {
            IngestTestSupport.publish(List.of(event));
            List<ResultChange> changes = readUntil(feed, seen -> benchmarks(seen).contains(
                    new Benchmark("Again-" + run, "pass@1")));
            assertFalse(changes.isEmpty(), "a duplicate changes nothing, but is announced in case the first was lost");
        }
    }

    private static void awaitStored(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> IngestTestSupport.count(
                "SELECT count(*) FROM result WHERE event_id = ?", eventId) == 1);
    }


    private static List<ResultChange> readUntil(KafkaConsumer<byte[], byte[]> feed, Predicate<List<ResultChange>> done) {
        List<ResultChange> changes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.test(changes) && System.nanoTime() < deadline) {
            feed.poll(Duration.ofMillis(200)).forEach(r -> changes.add(ResultChange.fromJson(r.value())));
        }
        assertTrue(done.test(changes), "announced within 60 s: " + changes);
        return changes;
    }

    private static List<Benchmark> benchmarks(List<ResultChange> changes) {
        return changes.stream().flatMap(c -> c.benchmarks().stream()).toList();
    }

    private static List<String> models(List<ResultChange> changes) {
        return changes.stream().flatMap(c -> c.models().stream()).toList();
    }
}
