package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.Violation;
import dev.evalboard.ingest.service.IngestMetrics;
import dev.evalboard.ingest.service.RejectedRecord;
import dev.evalboard.ingest.service.TransientFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** What reaches the dead-letter topic when the topic refuses a letter, and when the broker is away. */
class DeadLetterPublisherTest {
    private static final byte[] LARGE = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);

    @Test
    void aLetterTooLargeForTheTopicGoesOutCutDown() {
        Topic topic = new Topic(letter -> letter.value().length > 100_000 ? new RecordTooLargeException("1 MB") : null);
        new DeadLetterPublisher(topic, "dlq", metrics).publish(List.of(rejected(LARGE), rejected(new byte[10])));
        List<ProducerRecord<byte[], byte[]>> taken = topic.history();
        assertEquals(2, taken.size(), "each rejected record once");
        assertEquals(10, taken.get(0).value().length, "the small one as it came");
        assertEquals(64 * 1024, taken.get(1).value().length, "the large one cut down");
        assertEquals("200000", header(taken.get(1), EventTopics.HEADER_ORIGINAL_SIZE));
        assertEquals(1.0, registry.counter("evalboard.ingest.dead.letters.cut.down").count());
    }

    @Test
    void aLetterRefusedEvenBareIsCountedAndSkippedSoItsPartitionMovesOn() {
        Topic topic = new Topic(letter -> new RecordTooLargeException("max.message.bytes=10"));
        new DeadLetterPublisher(topic, "dlq", metrics).publish(List.of(rejected(LARGE)));
        assertEquals(0, topic.history().size());
        assertEquals(1.0, registry.counter("evalboard.ingest.dead.letters.unsendable").count());
    }

    @Test
    void anUnreachableBrokerHoldsTheBatchInsteadOfCuttingTheLetter() {
        Topic topic = new Topic(letter -> new TimeoutException("no leader"));
        DeadLetterPublisher publisher = new DeadLetterPublisher(topic, "dlq", metrics);
        assertThrows(TransientFailure.class, () -> publisher.publish(List.of(rejected(LARGE))));
        assertEquals(0.0, registry.counter("evalboard.ingest.dead.letters.cut.down").count());
    }

    /**
     * A dead-letter topic that refuses the letters {@code refusal} returns an error for and takes the others. The
     * refusal comes wrapped, as the connector may pass it on.
     */
    private static final class Topic implements DeadLetterPublisher.LetterSender {
        private final Function<ProducerRecord<byte[], byte[]>, RuntimeException> refusal;
        private final List<ProducerRecord<byte[], byte[]>> taken = new ArrayList<>();

        Topic(Function<ProducerRecord<byte[], byte[]>, RuntimeException> refusal) {
            this.refusal = refusal;
        }

        @Override
        public synchronized CompletionStage<Void> send(ProducerRecord<byte[], byte[]> letter) {
            RuntimeException refused = refusal.apply(letter);
            if (refused != null) {
                return CompletableFuture.failedFuture(new KafkaException("the send failed", refused));
            }
            taken.add(letter);
            return CompletableFuture.completedFuture(null);
        }

        synchronized List<ProducerRecord<byte[], byte[]>> history() {
            return List.copyOf(taken);
        }
    }

    private static RejectedRecord rejected(byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("eval.results", 0, 5, 0L,
                TimestampType.CREATE_TIME, 0, value.length, null, value, new RecordHeaders(), Optional.empty());
        return new RejectedRecord(record, new Violation("bad score", "/score"));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
