package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import dev.evalboard.ingest.messaging.ResultConsumerLoop;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Stopping the consumer in the middle of a stream and starting it again loses nothing and stores nothing twice. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RestartTest {
    private static final int EVENTS = 10_000;

    @Inject
    ResultConsumerLoop loop;

    @Test
    void allTenThousandEventsAreStoredOnceAcrossAStopAndStart() throws Exception {
        String run = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
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
        loop.stopConsuming();
        long whileStopped = stored(run);
        Thread.sleep(1000);
        assertEquals(whileStopped, stored(run), "nothing is stored while the consumer is stopped");
        loop.startConsuming();
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
