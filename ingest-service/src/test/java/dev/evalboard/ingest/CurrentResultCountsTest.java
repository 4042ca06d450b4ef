package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The per-benchmark counts that leaderboards and the benchmark list read instead of counting: whatever writes
 * current_result (ingest's upsert, its updates, rolled-back transactions, deletes, several writers at once), the
 * counts equal a brute-force count of the rows, and the last update the latest evaluatedAt.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CurrentResultCountsTest {

    private static final int BENCHMARKS = 6;
    private static final int MODELS = 40;
    // One statement per transaction, rows in key order: as ingest writes them.
    private static final String UPSERT = """
            INSERT INTO current_result AS c (benchmark_id, model_id, event_id, score, evaluated_at)
            SELECT * FROM unnest(?::int[], ?::bigint[], ?::text[], ?::float8[], ?::timestamptz[]) ORDER BY 1, 2
            ON CONFLICT (benchmark_id, model_id) DO UPDATE SET event_id = excluded.event_id, score = excluded.score,
                evaluated_at = excluded.evaluated_at
            WHERE c.evaluated_at < excluded.evaluated_at""";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void countsMatchTheRowsAfterConcurrentUpsertsRollbacksAndDeletes() throws Exception {
        List<Integer> benchmarks = new ArrayList<>();
        List<Long> models = new ArrayList<>();
        try (Connection c = IngestTestSupport.database(); Statement s = c.createStatement()) {
            for (int b = 0; b < BENCHMARKS; b++) {
                benchmarks.add(insertReturningId(s, "INSERT INTO benchmark (name, metric) VALUES ('counts-" + run
                        + "-" + b + "', 'pass@1') RETURNING id"));
            }
            for (int m = 0; m < MODELS; m++) {
                models.add((long) insertReturningId(s, "INSERT INTO model (name) VALUES ('counts-" + run + "-m" + m
                        + "') RETURNING id"));
            }
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Random random = new Random(w * 31L);
            done.add(writers.submit(() -> write(random, benchmarks, models)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();

        String ids = benchmarks.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        List<List<String>> counted = rows("SELECT b.id::text, count(c.model_id)::text FROM benchmark b"
                + " LEFT JOIN current_result c ON c.benchmark_id = b.id WHERE b.id IN (" + ids + ")"
                + " GROUP BY b.id ORDER BY b.id");
        List<List<String>> kept = rows("SELECT b.id::text, coalesce(sum(n.results), 0)::text FROM benchmark b"
                + " LEFT JOIN current_result_count n ON n.benchmark_id = b.id WHERE b.id IN (" + ids + ")"
                + " GROUP BY b.id ORDER BY b.id");
        assertEquals(counted, kept);
        // Deletes leave the last update where it was; the benchmarks without deletes must match exactly.
        String undeleted = ids.split(",")[1] + "," + ids.split(",")[3] + "," + ids.split(",")[5];
        assertEquals(rows("SELECT benchmark_id::text, max(evaluated_at)::text FROM current_result"
                        + " WHERE benchmark_id IN (" + undeleted + ") GROUP BY 1 ORDER BY 1"),
                rows("SELECT benchmark_id::text, max(last_update)::text FROM current_result_count"
                        + " WHERE benchmark_id IN (" + undeleted + ") GROUP BY 1 ORDER BY 1"));
    }

    /** Batches of upserts, a fifth of them rolled back, and deletes on even benchmarks in between. */
    private void write(Random random, List<Integer> benchmarks, List<Long> models) {
        try (Connection c = IngestTestSupport.database()) {
            c.setAutoCommit(false);
            for (int batch = 0; batch < 60; batch++) {
                TreeMap<List<Long>, Timestamp> rows = new TreeMap<>(Comparator.comparing((List<Long> k) -> k.get(0))
                        .thenComparing(k -> k.get(1)));
                for (int i = 0; i < 1 + random.nextInt(30); i++) {
                    // Few distinct instants: updates that change nothing are common.
                    rows.put(List.of((long) benchmarks.get(random.nextInt(BENCHMARKS)),
                            models.get(random.nextInt(MODELS))), Timestamp.from(
                            Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * random.nextInt(8))));
                }
                try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                    upsert.setArray(1, c.createArrayOf("int4", rows.keySet().stream()
                            .map(k -> k.get(0).intValue()).toArray()));
                    upsert.setArray(2, c.createArrayOf("int8", rows.keySet().stream().map(k -> k.get(1)).toArray()));
                    upsert.setArray(3, c.createArrayOf("text", rows.keySet().stream()
                            .map(k -> UUID.randomUUID().toString()).toArray()));
                    upsert.setArray(4, c.createArrayOf("float8", rows.keySet().stream()
                            .map(k -> (double) random.nextInt(100)).toArray()));
                    upsert.setArray(5, c.createArrayOf("timestamptz", rows.values().toArray()));
                    upsert.executeUpdate();
                }
                finish(c, random.nextInt(5) == 0);
                if (random.nextInt(4) == 0) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM current_result WHERE benchmark_id = ? AND model_id = ?")) {
                        delete.setInt(1, benchmarks.get(2 * random.nextInt(BENCHMARKS / 2)));
                        delete.setLong(2, models.get(random.nextInt(MODELS)));
                        delete.executeUpdate();
                    }
                    finish(c, random.nextInt(5) == 0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void finish(Connection c, boolean rollback) throws SQLException {
        if (rollback) {
            c.rollback();
        } else {
            c.commit();
        }
    }

    private static int insertReturningId(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
