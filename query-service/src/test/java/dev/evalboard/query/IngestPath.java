package dev.evalboard.query;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.SeedData;
import dev.evalboard.devstack.ServiceProcess;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.query.cache.ChangeFeed;
import dev.evalboard.query.cache.ResponseCache;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts test data into the store the way production does: events on the real broker, consumed by the packaged
 * ingest-service running as a child process (started once per JVM), written to the real database.
 */
public final class IngestPath {
    private static final String TOPIC = "eval.results";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceProcess ingest;
    private static boolean seeded;

    private IngestPath() {
    }

    /** Publishes the reference events once per JVM; they are idempotent, so other runs sharing the database agree. */
    public static synchronized void seed() {
        if (!seeded) {
            publish(SeedData.lines());
            seeded = true;
        }
    }

    /** Publishes events and returns once every one of them is in the history table. */
    public static void publish(List<String> events) {
        startIngest();
        List<String> ids = events.stream().map(IngestPath::eventId).toList();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", KafkaTestResource.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (String event : events) {
                sends.add(producer.send(new ProducerRecord<>(TOPIC, event.getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> storedCount(ids) == ids.size());
        awaitChangeHandled();
    }

    /**
     * Publishes moderation records (flag, unflag, retract) and returns once ingest applied them all, announced them
     * and this app handled the announcements.
     */
    public static void moderate(List<String> records) {
        startIngest();
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", KafkaTestResource.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String record : records) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(EventTopics.MODERATION,
                        record.getBytes(StandardCharsets.UTF_8))).get();
                ends.merge(new TopicPartition(sent.topic(), sent.partition()), sent.offset() + 1, Math::max);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                var committed = admin.listConsumerGroupOffsets("evalboard-ingest").partitionsToOffsetAndMetadata()
                        .get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
        awaitChangeHandled();
    }

    /**
     * The rows are visible; ingest announces the batch on the change feed after its commit and before its offsets,
     * and query-service handles the announcement a moment later. Waits until ingest committed its offsets (so the
     * change is on the feed), then publishes a barrier change of our own and waits until the feed handled it:
     * changes are handled in feed order, so ingest's was handled (its boards dropped) by then. Without a running app
     * there is nothing to wait for; while the feed is not live the cache is bypassed anyway.
     */
    public static void awaitChangeHandled() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return;
        }
        ChangeFeed feed = container.instance(ChangeFeed.class).get();
        ResponseCache cache = container.instance(ResponseCache.class).get();
        awaitIngestCommitted();
        long barrier = announce(ResultChange.of("0/0", List.of(), List.of()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> feed.handledOffset() >= barrier || !cache.isLive());
    }

    /** Publishes a change record as ingest would, and returns its offset on the feed. */
    public static long announce(ResultChange change) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", KafkaTestResource.bootstrapServers(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(EventTopics.CHANGES, change.toJson())).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException("announcing a change failed", e);
        }
    }

    /** The ingest group's committed offsets reach the end of eval.results. */
    private static void awaitIngestCommitted() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("evalboard-ingest")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                committed.keySet().forEach(p -> ends.put(p, OffsetSpec.latest()));
                var latest = admin.listOffsets(ends).all().get();
                return !committed.isEmpty() && committed.entrySet().stream()
                        .allMatch(e -> e.getValue().offset() >= latest.get(e.getKey()).offset());
            });
        }
    }

    private static synchronized void startIngest() {
        if (ingest != null) {
            return;
        }
        PostgresTestResource.Database db = PostgresTestResource.database();
        ingest = ServiceProcess.start("ingest-service", Path.of("../ingest-service/target/quarkus-app"),
                FreePorts.pick(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers(),
                        "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", db.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                        // Stores what the contract now bounds, as rows stored before the bound: reads must cope.
                        "EVALBOARD_INGEST_MAX_MAGNITUDE", Double.toString(Double.MAX_VALUE)),
                Path.of("target/ingest-service.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(ingest::close, "ingest-service-stop"));
        ingest.awaitReady(Duration.ofSeconds(90));
    }

    private static String eventId(String event) {
        try {
            return JSON.readTree(event).get("eventId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long storedCount(List<String> ids) throws SQLException {
        PostgresTestResource.Database db = PostgresTestResource.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM result WHERE event_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
