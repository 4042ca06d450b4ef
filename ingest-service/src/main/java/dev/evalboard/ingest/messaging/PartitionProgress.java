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
 * When each assigned partition last moved: a committed batch, or no lag to work off. A partition with lag that has
 * not moved for a while is stuck, whatever the cause, and readiness says so.
 */
@ApplicationScoped
public class PartitionProgress {
    private final LongSupplier nanoClock;
    private final Map<TopicPartition, State> partitions = new ConcurrentHashMap<>();

    @Inject
    public PartitionProgress() {
        this(System::nanoTime);
    }

    public PartitionProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A stuck partition: how many records wait, and for how long nothing was committed. */
    public record Stuck(long lag, Duration since) {
    }

    void assigned(Collection<TopicPartition> assigned) {
        long now = nanoClock.getAsLong();
        assigned.forEach(p -> partitions.put(p, new State(0, now)));
    }

    void revoked(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    void committed(Collection<TopicPartition> committed) {
        long now = nanoClock.getAsLong();
        committed.forEach(p -> partitions.computeIfPresent(p, (key, state) -> new State(state.lag(), now)));
    }

    void lag(TopicPartition partition, long lag) {
        long now = nanoClock.getAsLong();
        partitions.computeIfPresent(partition, (key, state) -> new State(lag, lag == 0 ? now : state.movedAt()));
    }

    /** The partitions with lag that have not moved for longer than {@code limit}, by name. */
    public Map<String, Stuck> stuckLongerThan(Duration limit) {
        long now = nanoClock.getAsLong();
        Map<String, Stuck> stuck = new TreeMap<>();
        partitions.forEach((partition, state) -> {
            Duration since = Duration.ofNanos(now - state.movedAt());
            if (state.lag() > 0 && since.compareTo(limit) > 0) {
                stuck.put(partition.toString(), new Stuck(state.lag(), since));
            }
        });
        return stuck;
    }

    private record State(long lag, long movedAt) {
    }
}
