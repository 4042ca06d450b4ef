package dev.evalboard.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir
    Path dir;

    @Test
    void kafkaKeepsRecordsAcrossARestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            String topic = "t-" + UUID.randomUUID();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "before restart")).get();
            }
            kafka.close();
            kafka.restart();
            assertEquals(List.of("before restart"), readAll(kafka.bootstrapServers(), topic, 1));
        }
    }

    @Test
    void postgresKeepsRowsAcrossARestart() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("pg"), 0)) {
            execute(postgres, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before restart')");
            postgres.close();
            postgres.restart();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                    EmbeddedPostgres.PASSWORD);
                    ResultSet rs = c.createStatement().executeQuery("SELECT v, current_setting('server_version_num')"
                            + "::int / 10000 FROM kept")) {
                rs.next();
                assertEquals("before restart", rs.getString(1));
                assertEquals(17, rs.getInt(2), "PostgreSQL major version");
            }
        }
    }

    @Test
    void postgresRunsWithDurableCommits() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("pg"), 0)) {
            assertEquals(Map.of("synchronous_commit", "on", "fsync", "on", "full_page_writes", "on"),
                    postgres.settings(List.of("synchronous_commit", "fsync", "full_page_writes")));
        }
    }

    /** Every commit that returned survives kill -9 of the server: with synchronous_commit=off the last ones do not. */
    @Test
    void postgresKeepsEveryAcknowledgedCommitAcrossACrash() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("pg"), 0)) {
            execute(postgres, "CREATE TABLE kept (v int)");
            int commits = 2_000;
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                    EmbeddedPostgres.PASSWORD); var insert = c.prepareStatement("INSERT INTO kept VALUES (?)")) {
                for (int i = 0; i < commits; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            postgres.crash();
            postgres.restart();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                    EmbeddedPostgres.PASSWORD);
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertEquals(commits, rs.getInt(1), "acknowledged commits after the crash");
            }
        }
    }

    @Test
    void seedDataHoldsTheReferenceEvents() {
        assertEquals(28, SeedData.lines().size());
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "g-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
