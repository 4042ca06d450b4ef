package dev.evalboard.devstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A steady stream of new results of the generated models on the generated benchmarks, {@code rate} events a second
 * in ticks of 10 ms, each with a fresh eventId and evaluatedAt now, so that every one changes a current result.
 * Scores stay below 100, under the freshness probe's markers.
 */
final class SteadyIngestLoad implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong sent = new AtomicLong();

    SteadyIngestLoad(String bootstrapServers, int models, int benchmarks, int rate) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "linger.ms", 5), new ByteArraySerializer(), new ByteArraySerializer());
        int perTick = Math.max(1, rate / 100);
        ticks.scheduleAtFixedRate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < perTick; i++) {
                String model = String.format("model-%06d", 1 + random.nextInt(models));
                String json = LiveEvents.result(model, String.format("bench-%02d", 1 + sent.get() % benchmarks),
                        Math.round(random.nextDouble() * 9_999) / 100.0, Instant.now());
                producer.send(new ProducerRecord<>(LiveEvents.TOPIC, model.getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)));
                sent.incrementAndGet();
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
    }

    long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        producer.close();
    }

    /** The result events of the live benchmark, as publishers send them. */
    static final class LiveEvents {
        static final String TOPIC = "eval.results";

        private LiveEvents() {
        }

        static String result(String model, String benchmark, double score, Instant evaluatedAt) {
            return "{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"model\":{\"name\":\"" + model
                    + "\",\"parameters\":8000000000},\"benchmark\":\"" + benchmark + "\",\"metric\":\"pass@1\","
                    + "\"score\":" + score + ",\"evaluatedAt\":\"" + evaluatedAt + "\",\"source\":\"bench/live.sh\"}";
        }
    }
}
