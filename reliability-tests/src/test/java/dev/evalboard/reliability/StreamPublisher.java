package dev.evalboard.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a stream of records at a steady rate from a background thread, as an evaluation pipeline would, with an
 * idempotent producer that rides out a broker restart. Every record must be acknowledged: a scenario checks the
 * store against exactly what the broker accepted.
 */
final class StreamPublisher implements AutoCloseable {

    /** A record to publish: key and value bytes. */
    record Message(byte[] key, byte[] value) {
        static Message of(SentEvent event) {
            return new Message(event.key(), event.value());
        }
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final Thread thread;
    private final AtomicLong acknowledged = new AtomicLong();
    private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final int total;

    private StreamPublisher(String bootstrapServers, List<Message> messages, int perSecond) {
        this.total = messages.size();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A broker restart must delay records, not fail them.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(() -> send(messages, perSecond), "reliability-publisher");
    }

    static StreamPublisher start(String bootstrapServers, List<Message> messages, int perSecond) {
        StreamPublisher publisher = new StreamPublisher(bootstrapServers, messages, perSecond);
        publisher.thread.start();
        return publisher;
    }

    private void send(List<Message> messages, int perSecond) {
        long start = System.nanoTime();
        for (int i = 0; i < messages.size(); i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                sleep(wait / 1_000_000);
            }
            Message message = messages.get(i);
            producer.send(new ProducerRecord<>(FaultLab.TOPIC, message.key(), message.value()), (metadata, e) -> {
                if (e == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failures.add(e);
                }
            });
        }
        producer.flush();
    }

    boolean finished() {
        return !thread.isAlive();
    }

    /** Waits until every record is acknowledged; fails if the broker refused any. */
    void awaitAllAcknowledged(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive() || acknowledged.get() != total || !failures.isEmpty()) {
            throw new AssertionError("published " + acknowledged.get() + " of " + total + " records; failures: "
                    + failures.stream().limit(3).toList());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
