package dev.evalboard.devstack.bench;

import dev.evalboard.devstack.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The peer of a leaderboard read: pgbench runs what query-service runs for an unfiltered top-50 page (resolve the
 * benchmark, then the ranking statement with its total) at a fixed rate, on a random one of the generated
 * benchmarks. Latency counts from the scheduled start, as {@link FixedRateLoad} does: time plus schedule lag.
 */
final class PgbenchPeer {
    private static final String SCRIPT = """
            \\set b random(1, %d)
            SELECT b.id, b.name, b.metric, coalesce(b.higher_is_better, true), coalesce(b.unit, 'percent') FROM benchmark b WHERE b.name = 'bench-' || lpad(:b::text, 2, '0') AND b.metric = 'pass@1';
            SELECT r.benchmark_id, m.id, m.name, m.parameters, m.active_parameters, m.openness, m.organization, r.score, r.stderr, r.samples, r.cost_usd, r.evaluated_at, r.rank, (SELECT coalesce(sum(results), 0) FROM current_result_count WHERE benchmark_id = :b) AS total FROM (SELECT c.*, rank() OVER (ORDER BY c.score DESC) AS rank FROM current_result c WHERE c.benchmark_id = :b AND c.score >= coalesce((SELECT s.score FROM current_result s WHERE s.benchmark_id = :b ORDER BY s.score DESC OFFSET 49 LIMIT 1), '-Infinity'::float8)) r CROSS JOIN LATERAL (SELECT * FROM model m WHERE m.id = r.model_id OFFSET 0) m ORDER BY r.score DESC, m.name COLLATE "C" LIMIT 50 OFFSET 0;
            """;

    record Figures(int rate, long transactions, double p50, double p99, double max) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "rate=%d transactions=%d p50=%.3fms p99=%.3fms max=%.3fms", rate,
                    transactions, p50, p99, max);
        }
    }

    private PgbenchPeer() {
    }

    static Figures run(Path dir, EmbeddedPostgres database, int benchmarks, int rate, int seconds) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("leaderboard.sql");
        Files.writeString(script, SCRIPT.formatted(benchmarks));
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-h", "127.0.0.1", "-p",
                Integer.toString(database.port()), "-U", EmbeddedPostgres.USER, "-c", "8", "-j", "2", "-R",
                Integer.toString(rate), "-T", Integer.toString(seconds), "-f", script.toString(), "--log",
                "--log-prefix=" + dir.resolve("log"), EmbeddedPostgres.DATABASE)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("pgbench.txt").toFile());
        pgbench.environment().put("PGPASSWORD", EmbeddedPostgres.PASSWORD);
        int exit = pgbench.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("pgbench failed: " + Files.readString(dir.resolve("pgbench.txt")));
        }
        List<Double> latencies = latencies(dir);
        return new Figures(rate, latencies.size(), FreshnessProbe.pct(latencies, 0.50),
                FreshnessProbe.pct(latencies, 0.99), latencies.get(latencies.size() - 1));
    }

    /** Per-transaction log lines: client, transaction, time (us), script, epoch, us, schedule lag (us). */
    private static List<Double> latencies(Path dir) throws IOException {
        List<Double> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log.")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.trim().split(" +");
                    double lag = f.length > 6 ? Double.parseDouble(f[6]) : 0;
                    latencies.add((Double.parseDouble(f[2]) + lag) / 1000);
                }
            }
        }
        latencies.sort(null);
        return latencies;
    }
}
