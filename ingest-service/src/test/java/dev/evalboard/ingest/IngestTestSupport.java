package dev.evalboard.ingest;

import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Talks to the real broker and database the way a producer and an analyst would. */
final class IngestTestSupport {
    static final String TOPIC = "eval.results";
    static final String DLQ = "eval.results.dlq";

    private IngestTestSupport() {
    }

    static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers(),
                "acks", "all", "linger.ms", 5), new ByteArraySerializer(), new ByteArraySerializer());
    }

    static void publish(List<String> values) {
        try (var producer = producer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (String value : values) {
                sends.add(producer.send(new ProducerRecord<>(TOPIC, value.getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void publishBytes(List<byte[]> values) {
        try (var producer = producer()) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(TOPIC, "key".getBytes(StandardCharsets.UTF_8), value)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dead-letter reader that starts at the end of the topic, so it sees only what a test causes. */
    /** A reader of the change feed's one partition, positioned at its end: it sees what is announced from now. */
    static KafkaConsumer<byte[], byte[]> changeFeedAtEnd() {
        TopicPartition feed = new TopicPartition(EventTopics.CHANGES, 0);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                KafkaTestResource.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(feed));
        consumer.seekToEnd(List.of(feed));
        consumer.position(feed);
        return consumer;
    }

    static KafkaConsumer<byte[], byte[]> deadLetterReaderAtEnd() {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", KafkaTestResource.bootstrapServers(),
                "group.id", "dlq-reader-" + UUID.randomUUID(), "auto.offset.reset", "latest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(DLQ));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(KafkaConsumer<byte[], byte[]> consumer, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Connection database() throws SQLException {
        var db = PostgresTestResource.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    static long count(String sql, Object... args) {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a query as lists of column values rendered as text, for exact comparisons. */
    static List<List<String>> rows(String sql, Object... args) {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
