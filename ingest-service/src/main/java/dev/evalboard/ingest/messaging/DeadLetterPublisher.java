package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.IngestMetrics;
import dev.evalboard.ingest.service.RejectedRecord;
import dev.evalboard.ingest.service.TransientFailure;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * Sends rejected records to the dead-letter topic with their original key, value and headers plus the contract's
 * error headers, and waits for the broker to acknowledge them. A letter the topic refuses for what it is (too large,
 * invalid) is sent again in a smaller {@link DeadLetterShape}; only an unreachable broker holds the batch.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final IngestMetrics metrics;

    @Inject
    public DeadLetterPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            IngestConfig config, IngestMetrics metrics) {
        this(new KafkaProducer<>(producerProperties(kafkaConfig), new ByteArraySerializer(),
                new ByteArraySerializer()), config.deadLetterTopic(), metrics);
    }

    /** With any producer: the unit tests give one whose topic refuses what they choose. */
    DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic, IngestMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.metrics = metrics;
    }

    private static Map<String, Object> producerProperties(Map<String, Object> kafkaConfig) {
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.clientProperties(kafkaConfig));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "evalboard-ingest-dlq");
        return props;
    }

    /** @throws TransientFailure when the broker did not acknowledge every dead letter for a reason of its own */
    public void publish(List<RejectedRecord> rejected) {
        List<Attempt> attempts = rejected.stream().map(r -> new Attempt(r, DeadLetterShape.WHOLE, null)).toList();
        while (!attempts.isEmpty()) {
            attempts = sendAll(attempts);
        }
    }

    /** Sends every attempt and returns those to try again in a smaller shape. */
    private List<Attempt> sendAll(List<Attempt> attempts) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            try {
                sends.add(producer.send(attempt.shape().letter(topic, attempt.rejected(), attempt.refusal())));
            } catch (RuntimeException e) {
                // Thrown before anything was sent (no metadata, a closed producer): the broker's side, not the record's.
                throw new TransientFailure("the dead-letter topic did not take the rejected records: " + e, e);
            }
        }
        List<Attempt> smaller = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Attempt attempt = attempts.get(i);
            Throwable refusal = awaitAck(sends.get(i));
            if (refusal == null) {
                if (attempt.shape() != DeadLetterShape.WHOLE) {
                    metrics.recordCutDownDeadLetter();
                }
            } else if (attempt.shape().smaller() != null) {
                smaller.add(new Attempt(attempt.rejected(), attempt.shape().smaller(), refusal.toString()));
            } else {
                giveUp(attempt, refusal);
            }
        }
        return smaller;
    }

    /** @return the refusal of this record, or null when the broker acknowledged it */
    private static Throwable awaitAck(Future<RecordMetadata> send) {
        try {
            send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            if (refusesTheRecord(e.getCause())) {
                return e.getCause();
            }
            throw new TransientFailure("the dead-letter topic did not take the rejected records: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new TransientFailure("the dead-letter topic did not acknowledge in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while sending dead letters", e);
        }
    }

    /** Errors about this record itself, which sending it again unchanged cannot cure. */
    static boolean refusesTheRecord(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException;
    }

    /** Even the bare letter, a few headers, was refused: the topic is misconfigured. Log it whole and move on. */
    private void giveUp(Attempt attempt, Throwable refusal) {
        var source = attempt.rejected().record();
        LOG.errorf("the dead-letter topic %s refused even a bare letter (%s); record %s-%d@%d (%s, SHA-256 %s) is"
                + " skipped", topic, refusal, source.topic(), source.partition(), source.offset(),
                attempt.rejected().violation().message(), DeadLetterShape.sha256(source.value()));
        metrics.recordUnsendableDeadLetter();
    }

    private record Attempt(RejectedRecord rejected, DeadLetterShape shape, String refusal) {
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
