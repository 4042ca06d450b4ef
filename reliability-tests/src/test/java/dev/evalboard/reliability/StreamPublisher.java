package dev.evalboard.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
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
    private final Semaphore released = new Semaphore(0);

    private StreamPublisher(String bootstrapServers, List<Message> messages, int perSecond, int heldBack) {
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
        this.thread = new Thread(() -> send(messages, perSecond, messages.size() - heldBack),
                "reliability-publisher");
    }

    static StreamPublisher start(String bootstrapServers, List<Message> messages, int perSecond) {
        return startHoldingBack(bootstrapServers, messages, perSecond, 0);
    }

    /**
     * Publishes all but the last {@code heldBack} records at the rate; each of those follows once it is
     * {@link #release released} (and not before its time at the rate). A scenario that restarts a service holds some
     * back for after each restart, so that the restarted service has records to take however long the restarts
     * before it took.
     */
    static StreamPublisher startHoldingBack(String bootstrapServers, List<Message> messages, int perSecond,
            int heldBack) {
        StreamPublisher publisher = new StreamPublisher(bootstrapServers, messages, perSecond, heldBack);
        // A scenario that fails before releasing them all must not leave the JVM waiting for the rest.
        publisher.thread.setDaemon(true);
        publisher.thread.start();
        return publisher;
    }

    /** Lets {@code count} more of the held-back records go. */
    void release(int count) {
        released.release(count);
    }

    private void send(List<Message> messages, int perSecond, int tail) {
        long start = System.nanoTime();
        for (int i = 0; i < messages.size(); i++) {
            if (i >= tail) {
                awaitRelease();
            }
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

    private void awaitRelease() {
        try {
            released.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
