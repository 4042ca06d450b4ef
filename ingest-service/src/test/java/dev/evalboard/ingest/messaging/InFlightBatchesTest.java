package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InFlightBatchesTest {
    private static final TopicPartition P0 = new TopicPartition("eval.results", 0);
    private static final TopicPartition P1 = new TopicPartition("eval.results", 1);
    private static final Duration LONG = Duration.ofSeconds(30);

    private final InFlightBatches batches = new InFlightBatches();

    @Test
    void aRevocationWaitsForTheBatchBeingStoredAndCommitsWhereItEnds() throws Exception {
        batches.started(Set.of(P0, P1));
        CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> settled =
                CompletableFuture.supplyAsync(() -> settle(List.of(P0), LONG));
        Thread.sleep(200);
        assertTrue(!settled.isDone(), "settled while the batch was still being stored");

        batches.finished(Set.of(P0, P1), Map.of(P0, 120L, P1, 7L));
        assertEquals(Map.of(P0, new OffsetAndMetadata(120)), settled.get(5, TimeUnit.SECONDS));
        assertEquals(Map.of(P1, new OffsetAndMetadata(7)), settle(List.of(P1), LONG), "P1 kept for its own revocation");
    }

    @Test
    void aBatchNotStoredIsNotCommittedAndABatchHeldPastTheLimitIsLeftToTheNextOwner() {
        batches.finished(Set.of(P0), Map.of(P0, 50L));
        batches.started(Set.of(P0));
        long start = System.nanoTime();
        assertEquals(Map.of(P0, new OffsetAndMetadata(50)), settle(List.of(P0), Duration.ofMillis(300)),
                "only what was stored before the held batch");
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "gave up before the limit");

        batches.finished(Set.of(P0), Map.of());
        assertEquals(Map.of(), settle(List.of(P0), LONG), "a batch that failed commits nothing");
    }

    @Test
    void offsetsOnlyMoveForwardAndANewAssignmentForgetsThem() {
        batches.finished(Set.of(P0), Map.of(P0, 90L));
        batches.finished(Set.of(P0), Map.of(P0, 40L));
        batches.finished(Set.of(P1), Map.of(P1, 10L));
        batches.assigned(List.of(P1));
        assertEquals(Map.of(P0, new OffsetAndMetadata(90)), settle(List.of(P0, P1), LONG));
    }

    private Map<TopicPartition, OffsetAndMetadata> settle(List<TopicPartition> revoked, Duration limit) {
        try {
            return batches.settle(revoked, limit);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
