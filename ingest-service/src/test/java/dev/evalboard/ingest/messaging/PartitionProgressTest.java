package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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
    void aPartitionWithRecordsWaitingAndNoCommitForLongerThanTheLimitIsStuck() {
        progress.assigned(List.of(P0, P1));
        progress.lag(P0, 120);
        progress.lag(P1, 5);
        advance(Duration.ofSeconds(30));
        progress.committed(List.of(P1));
        advance(Duration.ofSeconds(31));

        var stuck = progress.stuckLongerThan(LIMIT);
        assertEquals(List.of("eval.results-0"), List.copyOf(stuck.keySet()), "P1 committed 31 s ago");
        assertEquals(120, stuck.get("eval.results-0").lag());
        assertEquals(61, stuck.get("eval.results-0").since().toSeconds());
    }

    @Test
    void anIdlePartitionIsNeverStuck() {
        progress.assigned(List.of(P0));
        advance(Duration.ofMinutes(10));
        progress.lag(P0, 0);
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty(), "nothing waits");
        progress.lag(P0, 3);
        advance(Duration.ofSeconds(59));
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty(), "records arrived 59 s ago, the clock starts then");
        advance(Duration.ofSeconds(2));
        assertEquals(1, progress.stuckLongerThan(LIMIT).size());
    }

    @Test
    void aRevokedPartitionIsNoLongerThisInstancesConcern() {
        progress.assigned(List.of(P0));
        progress.lag(P0, 10);
        advance(Duration.ofMinutes(5));
        progress.revoked(List.of(P0));
        assertTrue(progress.stuckLongerThan(LIMIT).isEmpty());
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
