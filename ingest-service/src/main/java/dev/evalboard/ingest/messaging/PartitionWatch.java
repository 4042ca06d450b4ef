package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.service.IngestMetrics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Keeps {@link PartitionProgress} current: told of every rebalance by the connector (named on the channel by
 * {@code consumer-rebalance-listener.name}), and asked to sample each consumer's positions and log ends after each
 * batch and during each retry. The samples run on the consumers' polling threads, the only ones allowed to touch them.
 */
@ApplicationScoped
@Identifier(PartitionWatch.NAME)
public class PartitionWatch implements KafkaConsumerRebalanceListener {
    static final String NAME = "evalboard-ingest-progress";
    private static final Logger LOG = Logger.getLogger(PartitionWatch.class);
    private static final Duration COMMITTED_TIMEOUT = Duration.ofSeconds(5);

    private final PartitionProgress progress;
    private final IngestMetrics metrics;
    private final KafkaClientService clients;
    private final AtomicBoolean sampling = new AtomicBoolean();

    public PartitionWatch(PartitionProgress progress, IngestMetrics metrics, KafkaClientService clients) {
        this.progress = progress;
        this.metrics = metrics;
        this.clients = clients;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        try {
            consumer.committed(new HashSet<>(partitions), COMMITTED_TIMEOUT).forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
        } catch (KafkaException e) {
            // Not known yet: the partition is counted from the first position sampled.
            LOG.debugf("committed offsets not known at assignment: %s", e);
        }
        progress.assigned(partitions, committed);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        progress.revoked(partitions);
    }

    /** Samples every consumer of the results channel, unless a sample is still under way; does not wait for it. */
    void sample() {
        if (!sampling.compareAndSet(false, true)) {
            return;
        }
        var consumers = clients.getConsumerChannels().stream().filter(ResultBatchConsumer::isResultsChannel)
                .flatMap(channel -> clients.<Object, Object>getConsumers(channel).stream()).toList();
        if (consumers.isEmpty()) {
            sampling.set(false);
            return;
        }
        var pending = new AtomicInteger(consumers.size());
        for (var consumer : consumers) {
            consumer.runOnPollingThread(this::observe).subscribe().with(
                    done -> finished(pending),
                    failure -> {
                        LOG.debugf("cannot sample a consumer's lag: %s", failure);
                        finished(pending);
                    });
        }
    }

    private void finished(AtomicInteger pending) {
        if (pending.decrementAndGet() == 0) {
            metrics.recordLag(progress.totalLag());
            sampling.set(false);
        }
    }

    private void observe(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                long position = consumer.position(partition);
                progress.observed(partition, position, position + lag.getAsLong());
            }
        }
    }
}
