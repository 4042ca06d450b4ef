package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.IngestMetrics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    private final PartitionProgress progress;
    private final IngestMetrics metrics;
    private final KafkaClientService clients;
    private final InFlightBatches inFlight;
    private final Duration revokeWait;
    private final AtomicBoolean sampling = new AtomicBoolean();

    @Inject
    public PartitionWatch(PartitionProgress progress, IngestMetrics metrics, KafkaClientService clients,
            InFlightBatches inFlight, IngestConfig config) {
        this(progress, metrics, clients, inFlight, config.revokeWait());
    }

    PartitionWatch(PartitionProgress progress, IngestMetrics metrics, KafkaClientService clients,
            InFlightBatches inFlight, Duration revokeWait) {
        this.progress = progress;
        this.metrics = metrics;
        this.clients = clients;
        this.inFlight = inFlight;
        this.revokeWait = revokeWait;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        try {
            consumer.committed(new HashSet<>(partitions), OFFSETS_TIMEOUT).forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
        } catch (KafkaException e) {
            // Not known yet: the partition is counted from the first position sampled.
            LOG.debugf("committed offsets not known at assignment: %s", e);
        }
        inFlight.assigned(partitions);
        progress.assigned(partitions, committed);
    }

    /** Lets a batch being stored finish and commits it, so that the next owner does not consume it again. */
    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        progress.revoked(partitions);
        try {
            Map<TopicPartition, OffsetAndMetadata> stored = inFlight.settle(partitions, revokeWait);
            if (!stored.isEmpty()) {
                consumer.commitSync(stored, OFFSETS_TIMEOUT);
                LOG.infof("partitions revoked: committed what was stored up to %s", stored);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            // The next owner consumes the batch again: repeated, never lost.
            LOG.warnf("could not commit the batch stored while its partitions were revoked: %s", e.getMessage());
        }
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
