package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.BatchIngestor;
import dev.evalboard.ingest.service.IngestMetrics;
import dev.evalboard.ingest.service.TransientFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code eval.results} through the Kafka connector in batch mode: one poll is one batch, one database
 * transaction. The method returns, and the connector acknowledges the batch (its offsets then committed by the
 * {@code throttled} strategy), only when every record is stored or acknowledged by the dead-letter topic and the batch
 * is announced on the change feed. While the database or the broker is away the batch is retried here with back-off;
 * meanwhile the connector's queue fills and it pauses the partitions, polling on to keep the group membership.
 */
@ApplicationScoped
public class ResultBatchConsumer {
    static final String CHANNEL = "results";
    private static final Logger LOG = Logger.getLogger(ResultBatchConsumer.class);

    private final IngestConfig config;
    private final BatchIngestor ingestor;
    private final IngestMetrics metrics;
    private final PartitionProgress progress;
    private final PartitionWatch watch;
    private final InFlightBatches inFlight;
    private volatile boolean stopping;

    public ResultBatchConsumer(IngestConfig config, BatchIngestor ingestor, IngestMetrics metrics,
            PartitionProgress progress, @Identifier(PartitionWatch.NAME) PartitionWatch watch,
            InFlightBatches inFlight) {
        this.config = config;
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.progress = progress;
        this.watch = watch;
        this.inFlight = inFlight;
    }

    /** With {@code concurrency} the connector names its copies of the channel results$1, results$2... */
    static boolean isResultsChannel(String channel) {
        return channel.equals(CHANNEL) || channel.startsWith(CHANNEL + "$");
    }

    /** @throws IngestStopping when the service stops while the batch waits for an outage to end */
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        Map<TopicPartition, Long> stored = Map.of();
        inFlight.started(records.partitions());
        try {
            stored = store(batch);
        } finally {
            inFlight.finished(records.partitions(), stored);
        }
    }

    /** @return the batch's next offsets, once it is stored and announced */
    private Map<TopicPartition, Long> store(List<ConsumerRecord<byte[], byte[]>> batch) {
        Backoff backoff = new Backoff(config.retryBackoffMin(), config.retryBackoffMax());
        while (true) {
            try {
                ingestor.ingest(batch);
                Map<TopicPartition, Long> next = nextOffsets(batch);
                progress.acknowledged(next);
                watch.sample();
                return next;
            } catch (TransientFailure e) {
                metrics.recordHeldBatch();
                watch.sample();
                LOG.warnf("holding %d records and retrying in %s: %s", batch.size(), backoff.next(), e.getMessage());
                backoff.sleep();
                if (stopping) {
                    // Not acknowledged: the next owner of these partitions consumes the batch again.
                    throw new IngestStopping(batch.size());
                }
            }
        }
    }

    private static Map<TopicPartition, Long> nextOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** The service stops with a batch held for an outage: it is left unacknowledged, to be consumed again. */
    static final class IngestStopping extends RuntimeException {
        IngestStopping(int records) {
            super("stopping with a batch of " + records + " records held; it will be consumed again", null, false,
                    false);
        }
    }
}
