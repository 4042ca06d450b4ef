package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.IngestMetrics;
import dev.evalboard.ingest.service.RejectedRecord;
import dev.evalboard.ingest.service.TransientFailure;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends rejected records to the dead-letter topic (the {@code dead-letters} channel) with their original key, value
 * and headers plus the contract's error headers, and waits for the broker to acknowledge them. A letter the topic
 * refuses for what it is (too large, invalid) is sent again in a smaller {@link DeadLetterShape}; only an unreachable
 * broker holds the batch.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    /** Sends one letter; the stage completes when the broker acknowledged it, or fails with its refusal. */
    interface LetterSender {
        CompletionStage<Void> send(ProducerRecord<byte[], byte[]> letter);
    }

    private final LetterSender sender;
    private final String topic;
    private final IngestMetrics metrics;

    /**
     * The buffer is bounded by one batch's rejected records: each batch waits for every acknowledgement before the
     * next is parsed.
     */
    @Inject
    public DeadLetterPublisher(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            Emitter<byte[]> deadLetters, IngestConfig config, IngestMetrics metrics) {
        this(letter -> send(deadLetters, letter), config.deadLetterTopic(), metrics);
    }

    /** With any sender: the unit tests give one whose topic refuses what they choose. */
    DeadLetterPublisher(LetterSender sender, String topic, IngestMetrics metrics) {
        this.sender = sender;
        this.topic = topic;
        this.metrics = metrics;
    }

    private static CompletionStage<Void> send(Emitter<byte[]> deadLetters, ProducerRecord<byte[], byte[]> letter) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(letter.topic()).withKey(letter.key()).withHeaders(letter.headers()).build();
        deadLetters.send(Message.of(letter.value()).addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(refusal -> {
                    acked.completeExceptionally(refusal);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
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
        List<CompletableFuture<Void>> sends = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            try {
                sends.add(sender.send(attempt.shape().letter(topic, attempt.rejected(), attempt.refusal()))
                        .toCompletableFuture());
            } catch (RuntimeException e) {
                // Thrown before anything was sent (a closed channel): the broker's side, not the record's.
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
    private static Throwable awaitAck(CompletableFuture<Void> send) {
        try {
            send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable refusal = recordRefusal(e.getCause());
            if (refusal != null) {
                return refusal;
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

    /** The refusal of the record in a failure and its causes (the connector may wrap it), or null. */
    private static Throwable recordRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (refusesTheRecord(cause)) {
                return cause;
            }
        }
        return null;
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
}
