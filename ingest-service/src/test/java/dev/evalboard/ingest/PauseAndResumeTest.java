package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Pausing the results channel in the middle of a stream (the test profile makes it pausable) stops ingest once its
 * batch in hand is stored; resuming it loses nothing and stores nothing twice.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PauseAndResumeTest {
    private static final int EVENTS = 10_000;

    @Inject
    ChannelRegistry channels;

    @Test
    void allTenThousandEventsAreStoredOnceAcrossAPauseAndResume() throws Exception {
        String run = "pause-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Thread producer = new Thread(() -> {
            try (var kafka = IngestTestSupport.producer()) {
                for (int i = 0; i < EVENTS; i++) {
                    String json = EventJson.event(run + i, run + "model-" + (i % 50), "B" + (i / 50 % 4), i % 100,
                            null).toString();
                    kafka.send(new ProducerRecord<>(IngestTestSupport.TOPIC, json.getBytes(StandardCharsets.UTF_8)));
                    if (i % 500 == 0) {
                        kafka.flush();
                        Thread.sleep(20);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(run) > 1000);
        PausableChannel results = channels.getPausable("results");
        results.pause();
        // The batch in hand when the channel paused is still stored; nothing after it.
        long[] settled = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = stored(run);
            boolean same = now == settled[0];
            settled[0] = now;
            return same;
        });
        Thread.sleep(2000);
        assertEquals(settled[0], stored(run), "nothing is stored while the channel is paused");
        results.resume();
        producer.join();

        await().atMost(Duration.ofSeconds(120)).until(() -> stored(run) == EVENTS);
        assertEquals(EVENTS, count("SELECT count(DISTINCT event_id) FROM result WHERE event_id LIKE ? || '%'", run));
        assertEquals(EVENTS, count("SELECT count(*) FROM result WHERE event_id LIKE ? || '%'", run));
        assertEquals(200, count("SELECT count(*) FROM current_result c JOIN model m ON m.id = c.model_id"
                + " WHERE m.name LIKE ? || '%'", run), "50 models on 4 benchmarks");
    }

    private static long stored(String run) {
        return count("SELECT count(*) FROM result WHERE event_id LIKE ? || '%'", run);
    }
}
