package dev.evalboard.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The batches being stored, by partition, and the offsets acknowledged since each partition was assigned. When a
 * rebalance takes partitions away, the connector's throttled strategy commits what was acknowledged before it and
 * forgets the rest: a batch still being stored would be consumed again by the next owner, its dead letters sent twice.
 * {@link PartitionWatch} therefore waits here for such a batch and commits its offsets itself.
 */
@ApplicationScoped
public class InFlightBatches {
    private final Map<TopicPartition, Integer> storing = new HashMap<>();
    private final Map<TopicPartition, Long> acknowledged = new HashMap<>();

    synchronized void started(Set<TopicPartition> partitions) {
        partitions.forEach(p -> storing.merge(p, 1, Integer::sum));
    }

    /** @param nextOffsets the batch's next offsets when it was stored; empty when it was not */
    synchronized void finished(Set<TopicPartition> partitions, Map<TopicPartition, Long> nextOffsets) {
        partitions.forEach(p -> storing.computeIfPresent(p, (key, count) -> count == 1 ? null : count - 1));
        nextOffsets.forEach((p, next) -> acknowledged.merge(p, next, Math::max));
        notifyAll();
    }

    /** A new owner starts from the group's committed offsets; what this instance acknowledged before is history. */
    synchronized void assigned(Collection<TopicPartition> partitions) {
        partitions.forEach(acknowledged::remove);
    }

    /**
     * Waits up to {@code limit} for the batches of these partitions to finish (a batch held through an outage may
     * not), and hands over the offsets to commit for them: only those of batches stored and acknowledged.
     */
    synchronized Map<TopicPartition, OffsetAndMetadata> settle(Collection<TopicPartition> revoked, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (long left = limit.toNanos(); left > 0 && revoked.stream().anyMatch(storing::containsKey);
                left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : revoked) {
            Long next = acknowledged.remove(partition);
            if (next != null) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }
}
