package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final TopicPartition P0 = new TopicPartition("eval.results", 0);
    private static final TopicPartition P1 = new TopicPartition("eval.results", 1);

    private final AtomicLong now = new AtomicLong();
    private final PartitionProgress progress = new PartitionProgress(now::get);

    @Test
    void aPartitionWithRecordsWaitingAndNothingAcknowledgedForLongerThanTheLimitIsStuck() {
        progress.assigned(List.of(P0, P1), Map.of(P0, 0L, P1, 0L));
        progress.observed(P0, 0, 120);
        progress.observed(P1, 0, 5);
        advance(Duration.ofSeconds(30));
        progress.acknowledged(Map.of(P1, 3L));
        advance(Duration.ofSeconds(31));

        var stuck = progress.stuckLongerThan(LIMIT);
        assertEquals(List.of("eval.results-0"), List.copyOf(stuck.keySet()), "P1 acknowledged 31 s ago");
        assertEquals(120, stuck.get("eval.results-0").lag());
        assertEquals(61, stuck.get("eval.results-0").since().toSeconds());
        assertEquals(122, progress.totalLag());
    }

    @Test
    void recordsFetchedIntoTheConnectorsQueueStillCountAsWaiting() {
        progress.assigned(List.of(P0), Map.of(P0, 100L));
        // The consumer has fetched everything (position = end): the records wait in the queue, not in the log.
        progress.observed(P0, 400, 400);
        advance(Duration.ofSeconds(61));
        assertEquals(300, progress.stuckLongerThan(LIMIT).get("eval.results-0").lag());
        progress.acknowledged(Map.of(P0, 400L));
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty());
    }

    @Test
    void anIdlePartitionIsNeverStuck() {
        progress.assigned(List.of(P0), Map.of());
        advance(Duration.ofMinutes(10));
        progress.observed(P0, 7, 7);
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty(), "nothing waits");
        progress.observed(P0, 7, 10);
        advance(Duration.ofSeconds(59));
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty(), "records arrived 59 s ago, the clock starts then");
        advance(Duration.ofSeconds(2));
        assertEquals(1, progress.stuckLongerThan(LIMIT).size());
    }

    @Test
    void aRevokedPartitionIsNoLongerThisInstancesConcern() {
        progress.assigned(List.of(P0), Map.of(P0, 0L));
        progress.observed(P0, 0, 10);
        advance(Duration.ofMinutes(5));
        progress.revoked(List.of(P0));
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty());
        assertEquals(0, progress.totalLag());
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
