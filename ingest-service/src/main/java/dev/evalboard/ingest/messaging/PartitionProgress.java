package dev.evalboard.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * When each assigned partition last moved: an acknowledged batch (its offsets are committed within the commit
 * interval), or nothing left to work off. A partition with records waiting that has not moved for a while is stuck,
 * whatever the cause, and readiness says so. Records waiting are counted from the last acknowledged offset to the end
 * of the log, so those already fetched into the connector's queue count too.
 */
@ApplicationScoped
public class PartitionProgress {
    private static final long UNKNOWN = -1;

    private final LongSupplier nanoClock;
    private final Map<TopicPartition, State> partitions = new ConcurrentHashMap<>();

    @Inject
    public PartitionProgress() {
        this(System::nanoTime);
    }

    public PartitionProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A stuck partition: how many records wait, and for how long nothing was acknowledged. */
    public record Stuck(long lag, Duration since) {
    }

    /** @param committed the next offset to consume of each partition, or absent when not known */
    void assigned(Collection<TopicPartition> assigned, Map<TopicPartition, Long> committed) {
        long now = nanoClock.getAsLong();
        assigned.forEach(p -> partitions.put(p, new State(committed.getOrDefault(p, UNKNOWN), UNKNOWN, now)));
    }

    void revoked(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** A batch was stored and acknowledged up to these next offsets. */
    void acknowledged(Map<TopicPartition, Long> nextOffsets) {
        long now = nanoClock.getAsLong();
        nextOffsets.forEach((p, next) -> partitions.computeIfPresent(p,
                (key, state) -> new State(Math.max(state.done(), next), state.end(), now)));
    }

    /** The consumer's view of a partition: its fetch position and the end of its log. */
    void observed(TopicPartition partition, long position, long end) {
        long now = nanoClock.getAsLong();
        partitions.computeIfPresent(partition, (key, state) -> {
            State seen = new State(state.done() == UNKNOWN ? position : state.done(), end, state.movedAt());
            return seen.waiting() == 0 ? new State(seen.done(), end, now) : seen;
        });
    }

    /** Records waiting on every assigned partition. */
    public long totalLag() {
        return partitions.values().stream().mapToLong(State::waiting).sum();
    }

    /** The partitions with records waiting that have not moved for longer than {@code limit}, by name. */
    public Map<String, Stuck> stuckLongerThan(Duration limit) {
        long now = nanoClock.getAsLong();
        Map<String, Stuck> stuck = new TreeMap<>();
        partitions.forEach((partition, state) -> {
            Duration since = Duration.ofNanos(now - state.movedAt());
            if (state.waiting() > 0 && since.compareTo(limit) > 0) {
                stuck.put(partition.toString(), new Stuck(state.waiting(), since));
            }
        });
        return stuck;
    }

    /** @param done the next offset not yet acknowledged; @param end the log end offset last seen */
    private record State(long done, long end, long movedAt) {
        long waiting() {
            return done == UNKNOWN || end == UNKNOWN ? 0 : Math.max(0, end - done);
        }
    }
}
