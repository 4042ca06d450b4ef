package dev.evalboard.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The topology the manifests ship: query-service reads from a hot standby, which refuses LISTEN. */
    @Test
    void aStandbyShowsWhatThePrimaryCommitsOnceItReplayedIt() throws Exception {
        try (EmbeddedPostgres primary = EmbeddedPostgres.start(dir.resolve("primary"), 0)) {
            execute(primary, "CREATE TABLE kept (v text)");
            try (EmbeddedPostgres standby = primary.startStandby(dir.resolve("standby"), 0)) {
                execute(primary, "INSERT INTO kept VALUES ('streamed')");
                assertEquals("t", query(standby, "SELECT pg_is_in_recovery()"));
                awaitValue(standby, "SELECT string_agg(v, ',') FROM kept", "streamed");
                SQLException refused = assertThrows(SQLException.class,
                        () -> execute(standby, "LISTEN anything"));
                assertTrue(refused.getMessage().contains("recovery"),
                        refused.getMessage());

                execute(standby, "SELECT pg_wal_replay_pause()");
                execute(primary, "INSERT INTO kept VALUES ('held back')");
                Thread.sleep(500);
                assertEquals("streamed", query(standby, "SELECT string_agg(v, ',' ORDER BY v DESC) FROM kept"),
                        "a paused standby does not show the new row");
                execute(standby, "SELECT pg_wal_replay_resume()");
                awaitValue(standby, "SELECT string_agg(v, ',' ORDER BY v DESC) FROM kept", "streamed,held back");
            }
        }
    }

    private static String query(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void awaitValue(EmbeddedPostgres postgres, String sql, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String seen = query(postgres, sql);
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = query(postgres, sql);
        }
        assertEquals(expected, seen);
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
