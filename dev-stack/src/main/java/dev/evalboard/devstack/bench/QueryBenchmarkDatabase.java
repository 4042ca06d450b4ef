package dev.evalboard.devstack.bench;

import dev.evalboard.contract.EventRules;
import dev.evalboard.devstack.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The database of {@code bench/query.sh}: an embedded PostgreSQL with the result-store schema and M models times
 * B benchmarks of current results, generated set-based (generate_series, fixed seed) straight into the schema's
 * tables (model, benchmark, result and current_result, as ingest-service would leave them). Prints
 * {@code READY <jdbc-url>} and serves until killed.
 *
 * <p>Arguments: data directory, port (0 picks one), models (100000), benchmarks (10).
 */
public final class QueryBenchmarkDatabase {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "target/query-bench-pg");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int models = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int benchmarks = args.length > 3 ? Integer.parseInt(args[3]) : 10;

        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "postgres-stop"));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement s = c.createStatement()) {
            applySchema(s);
            generate(s, models, benchmarks);
        }
        System.out.printf("generated %,d models x %d benchmarks = %,d current results in %.1f s%n", models,
                benchmarks, (long) models * benchmarks, (System.nanoTime() - started) / 1e9);
        System.out.println("READY " + postgres.jdbcUrl() + " " + postgres.port());
        System.out.flush();
        stopped.await();
    }

    private static void applySchema(Statement s) throws Exception {
        try (InputStream in = QueryBenchmarkDatabase.class.getResourceAsStream("/db/migration/V1__result_store.sql")) {
            if (in == null) {
                throw new IllegalStateException("V1__result_store.sql is not on the classpath (event-contract)");
            }
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void generate(Statement s, int models, int benchmarks) throws SQLException {
        s.execute("SELECT setseed(0.42)");
        // Sizes spread log-uniformly over 100M..1T; a third of the models are MoE with an active count.
        s.execute("""
                INSERT INTO model (name, parameters, active_parameters, openness, organization)
                SELECT 'model-' || lpad(i::text, 6, '0'),
                       p, CASE WHEN i % 3 = 0 THEN greatest(1, p / 8) END,
                       (ARRAY['closed', 'open-weights', 'open-weights-open-data'])[1 + i % 3],
                       'org-' || (i % 500)
                FROM (SELECT i, (10 ^ (8 + random() * 4))::bigint AS p FROM generate_series(1, $N) i) g
                ORDER BY i""".replace("$N", Integer.toString(models)));
        s.execute("""
                INSERT INTO benchmark (name, metric, higher_is_better, unit)
                SELECT 'bench-' || lpad(b::text, 2, '0'), '$METRIC', true, 'percent' FROM generate_series(1, $N) b
                ORDER BY b""".replace("$N", Integer.toString(benchmarks))
                .replace("$METRIC", EventRules.DEFAULT_METRIC));
        s.execute("""
                INSERT INTO result (event_id, model_id, benchmark_id, score, stderr, samples, cost_usd, evaluated_at,
                                    source)
                SELECT 'bench-' || m.id || '-' || b.id, m.id, b.id, round((random() * 100)::numeric, 2)::float8,
                       round((random() * 2)::numeric, 3)::float8, 500, round((random() * 50)::numeric, 2)::float8,
                       timestamptz '2025-01-01' + (m.id % 10000) * interval '1 minute', 'bench'
                FROM model m CROSS JOIN benchmark b""");
        s.execute("""
                INSERT INTO current_result (benchmark_id, model_id, event_id, score, stderr, samples, cost_usd,
                                            evaluated_at)
                SELECT benchmark_id, model_id, event_id, score, stderr, samples, cost_usd, evaluated_at FROM result""");
        s.execute("ANALYZE");
    }
}
