package dev.evalboard.devstack.bench;

import dev.evalboard.devstack.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
        ResultStoreSchema.migrate(postgres.jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement s = c.createStatement()) {
            GeneratedResults.generate(s, models, benchmarks);
        }
        System.out.printf("generated %,d models x %d benchmarks = %,d current results in %.1f s%n", models,
                benchmarks, (long) models * benchmarks, (System.nanoTime() - started) / 1e9);
        System.out.println("READY " + postgres.jdbcUrl() + " " + postgres.port());
        System.out.flush();
        stopped.await();
    }
}
