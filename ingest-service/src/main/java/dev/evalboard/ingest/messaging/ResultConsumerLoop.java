package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.BatchIngestor;
import dev.evalboard.ingest.service.IngestMetrics;
import dev.evalboard.ingest.service.TransientFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * The consumer loop of {@code eval.results}: one poll is one batch, one database transaction, then one offset
 * commit. A batch that cannot be stored (database or broker away) is held, its partitions paused, and retried with
 * back-off; polling goes on meanwhile so that the consumer keeps its group membership.
 */
@ApplicationScoped
public class ResultConsumerLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ResultConsumerLoop.class);

    private final IngestConfig config;
    private final BatchIngestor ingestor;
    private final IngestMetrics metrics;
    private final PartitionProgress progress;
    private final Map<String, Object> clientProperties;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    /** The batch not yet stored, by partition; empty when the last batch was committed. */
    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> pending = new LinkedHashMap<>();

    public ResultConsumerLoop(IngestConfig config, BatchIngestor ingestor, IngestMetrics metrics,
            PartitionProgress progress, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.progress = progress;
        this.clientProperties = KafkaClientConfig.clientProperties(kafkaConfig);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            startConsuming();
        } else {
            LOG.info("ingest is disabled (evalboard.ingest.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopConsuming();
    }

    /** Starts the loop; records are consumed from the group's committed offsets. */
    public synchronized void startConsuming() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this, "evalboard-ingest");
        thread.start();
    }

    /** Stops the loop as a shutdown does: a batch not yet committed is left to be consumed again. */
    public synchronized void stopConsuming() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
            thread = null;
        }
    }

    @Override
    public void run() {
        pending.clear();
        Backoff backoff = new Backoff(config.retryBackoffMin(), config.retryBackoffMax());
        while (running && !createTopicsIfAsked(backoff)) {
            backoff.sleep();
        }
        backoff.reset();
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(config.topic()), new DropRevokedRecords());
            while (running) {
                pollOnce(kafka, backoff);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("the ingest loop stopped on an unexpected error", e);
            throw e;
        } finally {
            consumer = null;
        }
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> kafka, Backoff backoff) {
        // While a batch is held, its partitions are paused: this poll only keeps the membership alive.
        ConsumerRecords<byte[], byte[]> records = kafka.poll(pending.isEmpty() ? config.pollTimeout() : Duration.ZERO);
        for (TopicPartition partition : records.partitions()) {
            pending.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(records.records(partition));
        }
        recordLag(kafka);
        if (pending.isEmpty()) {
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = pending.values().stream().flatMap(List::stream).toList();
        try {
            ingestor.ingest(batch);
            kafka.commitSync(nextOffsets());
            progress.committed(pending.keySet());
            pending.clear();
            kafka.resume(kafka.paused());
            backoff.reset();
        } catch (TransientFailure e) {
            LOG.warnf("holding %d records and retrying in %s: %s", batch.size(), backoff.next(), e.getMessage());
            kafka.pause(pending.keySet());
            metrics.recordHeldBatch();
            backoff.sleep();
        } catch (org.apache.kafka.common.KafkaException e) {
            // A rebalance or broker failure during the commit: the records are replayed, harmlessly, by whoever
            // owns their partitions next.
            LOG.warnf("offset commit failed, the batch will be replayed: %s", e.toString());
            pending.clear();
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pending.forEach((partition, records) -> offsets.put(partition,
                new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1)));
        return offsets;
    }

    private void recordLag(KafkaConsumer<byte[], byte[]> kafka) {
        long lag = 0;
        for (TopicPartition partition : kafka.assignment()) {
            long partitionLag = kafka.currentLag(partition).orElse(0);
            progress.lag(partition, partitionLag);
            lag += partitionLag;
        }
        metrics.recordLag(lag);
    }

    private boolean createTopicsIfAsked(Backoff backoff) {
        if (!config.topics().create()) {
            return true;
        }
        try {
            TopicSetup.ensureTopics(clientProperties, config);
            return true;
        } catch (Exception e) {
            LOG.warnf("cannot create the topics yet, retrying in %s: %s", backoff.next(), e.toString());
            return false;
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>();
        // Large enough that a poll can fill a whole batch from one partition; kafka.* settings may change it.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        // Under a trickle of events a poll waits up to 100 ms for more rather than returning each few records:
        // fewer durable commits, and each benchmark changes (and is reloaded by every reader) at most about ten
        // times a second instead of once per record.
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
        props.putAll(clientProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "evalboard-ingest");
        return props;
    }

    /** Records of partitions this instance loses belong to their next owner, which replays them from the commit. */
    private final class DropRevokedRecords implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(pending::remove);
            progress.revoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Positions start at the committed offsets.
            progress.assigned(partitions);
        }
    }
}
