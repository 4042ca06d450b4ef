package dev.evalboard.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Benchmarks and their metrics. */
@ApplicationScoped
public class BenchmarkRepository {

    /** One benchmark+metric with how many models have a current result on it. */
    public record MetricStats(String benchmark, String metric, boolean higherIsBetter, String unit,
            long modelCount, long benchmarkModelCount, Instant lastUpdate) {
    }

    private static final String COLUMNS = """
            b.id, b.name, b.metric, coalesce(b.higher_is_better, true) AS higher_is_better,
            coalesce(b.unit, 'percent') AS unit""";

    // Counts and last updates come from the rows the schema's triggers keep (V2__current_result_counts.sql); only a
    // benchmark with several metrics counts its distinct models across them from the results.
    private static final String STATS = """
            WITH per_metric AS (
                SELECT b.id, b.name, b.metric, coalesce(b.higher_is_better, true) AS higher_is_better,
                       coalesce(b.unit, 'percent') AS unit, coalesce(sum(n.results), 0) AS model_count,
                       max(n.last_update) AS last_update, count(*) OVER (PARTITION BY b.name) AS metrics
                FROM benchmark b LEFT JOIN current_result_count n ON n.benchmark_id = b.id
                GROUP BY b.id)
            SELECT p.*, CASE WHEN p.metrics = 1 THEN p.model_count ELSE
                   (SELECT count(DISTINCT c.model_id) FROM current_result c JOIN benchmark b ON b.id = c.benchmark_id
                    WHERE b.name = p.name) END AS benchmark_model_count
            FROM per_metric p
            ORDER BY p.name COLLATE "C", p.metric COLLATE "C\"""";

    private final Jdbc jdbc;

    public BenchmarkRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Benchmark> find(String name, String metric) {
        return jdbc.first("SELECT " + COLUMNS + " FROM benchmark b WHERE b.name = ? AND b.metric = ?",
                List.of(name, metric), BenchmarkRepository::benchmark);
    }

    /** The metrics a benchmark name is known with, to tell "no such benchmark" from "no such metric". */
    public List<String> metricsOf(String name) {
        return jdbc.list("SELECT metric FROM benchmark WHERE name = ? ORDER BY metric COLLATE \"C\"",
                List.of(name), rs -> rs.getString(1));
    }

    public List<MetricStats> stats() {
        return jdbc.list(STATS, List.of(), rs -> new MetricStats(rs.getString("name"), rs.getString("metric"),
                rs.getBoolean("higher_is_better"), rs.getString("unit"), rs.getLong("model_count"),
                rs.getLong("benchmark_model_count"), Jdbc.instant(rs, "last_update")));
    }

    private static Benchmark benchmark(ResultSet rs) throws SQLException {
        return new Benchmark(rs.getInt("id"), rs.getString("name"), rs.getString("metric"),
                rs.getBoolean("higher_is_better"), rs.getString("unit"));
    }
}
