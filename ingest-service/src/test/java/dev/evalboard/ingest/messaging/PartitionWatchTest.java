package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.evalboard.ingest.service.IngestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What the next owner of a revoked partition starts from: the end of the batch that was being stored. */
class PartitionWatchTest {
    private static final TopicPartition P0 = new TopicPartition("eval.results", 0);
    private static final TopicPartition P1 = new TopicPartition("eval.results", 1);

    private final InFlightBatches inFlight = new InFlightBatches();
    private final PartitionWatch watch = new PartitionWatch(new PartitionProgress(),
            new IngestMetrics(new SimpleMeterRegistry()), null, inFlight, Duration.ofSeconds(30));
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);

    @Test
    void aRevocationCommitsTheBatchThatFinishesDuringIt() throws Exception {
        consumer.assign(List.of(P0, P1));
        watch.onPartitionsAssigned(consumer, List.of(P0, P1));
        inFlight.started(Set.of(P0));
        CompletableFuture<Void> revoked = CompletableFuture.runAsync(
                () -> watch.onPartitionsRevoked(consumer, List.of(P0, P1)));
        Thread.sleep(200);
        assertFalse(revoked.isDone(), "the rebalance went on while the batch was being stored");
        assertNull(consumer.committed(Set.of(P0)).get(P0), "committed before the batch was stored");

        inFlight.finished(Set.of(P0), Map.of(P0, 4_200L));
        revoked.get(5, TimeUnit.SECONDS);
        assertEquals(new OffsetAndMetadata(4_200), consumer.committed(Set.of(P0)).get(P0));
        assertNull(consumer.committed(Set.of(P1)).get(P1), "nothing stored on P1, nothing committed");
    }
}
