package dev.evalboard.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Current results of many models on one or several benchmarks: the input of rankings and Pareto sets. */
@ApplicationScoped
public class ScoreRepository {

    /** A model's current result on one benchmark+metric. */
    public record Score(int benchmarkId, ModelRow model, double score, Double stderr, Long samples, Double costUsd,
            Instant evaluatedAt) {
    }

    /** A score with its rank among, and the number of, the results that passed the filters. */
    public record Ranked(Score score, long rank, long total) {
    }

    private static final String COLUMNS = "c.benchmark_id, " + ModelRepository.MODEL_COLUMNS
            + ", c.score, c.stderr, c.samples, c.cost_usd, c.evaluated_at";
    private static final String FROM = " FROM current_result c JOIN model m ON m.id = c.model_id";

    private final Jdbc jdbc;

    public ScoreRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long count(Benchmark benchmark, ModelFilter filter) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        appendCount(sql, params, benchmark, filter);
        return jdbc.count(sql.toString(), params);
    }

    /**
     * One page of a benchmark's filtered results, best first, ties by model name. SQL's {@code rank()} is the
     * standard competition rank; the page and the total come from one statement, so from one snapshot. The order
     * direction is chosen from the benchmark, never from the request.
     *
     * <p>Only the rows that can reach the page are ranked: those at least as good as the (offset + limit)-th best,
     * which the score index finds without reading the rest. Every better row is among them, so their rank is their
     * rank among all rows, and a top-50 page of a 100,000-model benchmark costs a few index probes instead of a
     * sort of the whole benchmark.
     */
    public List<Ranked> ranked(Benchmark benchmark, ModelFilter filter, int limit, long offset) {
        if (filter.isEmpty()) {
            return rankedUnfiltered(benchmark, limit, offset);
        }
        boolean higherIsBetter = benchmark.higherIsBetter();
        String order = higherIsBetter ? "c.score DESC" : "c.score ASC";
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ranked.*, (");
        appendCount(sql, params, benchmark, filter);
        sql.append(") AS total FROM (SELECT ").append(COLUMNS).append(", rank() OVER (ORDER BY ").append(order)
                .append(") AS rank");
        appendFiltered(sql, params, benchmark, filter);
        sql.append(" AND c.score ").append(higherIsBetter ? ">=" : "<=").append(" coalesce((SELECT c.score");
        appendFiltered(sql, params, benchmark, filter);
        sql.append(" ORDER BY ").append(order).append(" OFFSET ? LIMIT 1), ")
                .append(higherIsBetter ? "'-Infinity'" : "'Infinity'").append("::float8)) ranked")
                .append(" ORDER BY ranked.score ").append(higherIsBetter ? "DESC" : "ASC")
                .append(", ranked.name COLLATE \"C\" LIMIT ? OFFSET ?");
        params.add(offset + limit - 1);
        params.add(limit);
        params.add(offset);
        return jdbc.list(sql.toString(), params,
                rs -> new Ranked(score(rs), rs.getLong("rank"), rs.getLong("total")));
    }

    /**
     * The unfiltered page in a few index probes: the threshold from the score index, the rows at least as good
     * ranked from the same index, and only those looked up in the model table. PostgreSQL cannot know the threshold
     * when it plans, guesses a third of the benchmark passes it, and would hash-join the whole model table (0.3 s
     * against 4 ms measured under ingest); {@code OFFSET 0} keeps the model lookup a nested loop per ranked row.
     */
    private List<Ranked> rankedUnfiltered(Benchmark benchmark, int limit, long offset) {
        boolean higherIsBetter = benchmark.higherIsBetter();
        String order = higherIsBetter ? "DESC" : "ASC";
        String sql = "SELECT r.benchmark_id, " + ModelRepository.MODEL_COLUMNS
                + ", r.score, r.stderr, r.samples, r.cost_usd, r.evaluated_at, r.rank,"
                + " (SELECT coalesce(sum(results), 0) FROM current_result_count WHERE benchmark_id = ?) AS total"
                + " FROM (SELECT c.*, rank() OVER (ORDER BY c.score " + order + ") AS rank FROM current_result c"
                + " WHERE c.benchmark_id = ? AND c.score " + (higherIsBetter ? ">=" : "<=")
                + " coalesce((SELECT s.score FROM current_result s WHERE s.benchmark_id = ? ORDER BY s.score " + order
                + " OFFSET ? LIMIT 1), " + (higherIsBetter ? "'-Infinity'" : "'Infinity'") + "::float8)) r"
                + " CROSS JOIN LATERAL (SELECT * FROM model m WHERE m.id = r.model_id OFFSET 0) m"
                + " ORDER BY r.score " + order + ", m.name COLLATE \"C\" LIMIT ? OFFSET ?";
        return jdbc.list(sql, List.of(benchmark.id(), benchmark.id(), benchmark.id(), offset + limit - 1, limit,
                offset), rs -> new Ranked(score(rs), rs.getLong("rank"), rs.getLong("total")));
    }

    /**
     * The number of filtered results. Without a filter it is read from the counts the schema's triggers keep in
     * the transaction that writes the results (a few rows, see V2__current_result_counts.sql), not counted.
     */
    private static void appendCount(StringBuilder sql, List<Object> params, Benchmark benchmark, ModelFilter filter) {
        if (filter.isEmpty()) {
            sql.append("SELECT coalesce(sum(results), 0) FROM current_result_count WHERE benchmark_id = ?");
            params.add(benchmark.id());
        } else {
            sql.append("SELECT count(*)");
            appendFiltered(sql, params, benchmark, filter);
        }
    }

    private static void appendFiltered(StringBuilder sql, List<Object> params, Benchmark benchmark,
            ModelFilter filter) {
        sql.append(FROM).append(" WHERE c.benchmark_id = ?");
        params.add(benchmark.id());
        filter.appendTo(sql, params);
    }

    /** Every filtered current result on any of the benchmarks, in no particular order. */
    public List<Score> onAny(List<Benchmark> benchmarks, ModelFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE c.benchmark_id = ANY(?)");
        List<Object> params = new ArrayList<>();
        params.add(benchmarks.stream().map(Benchmark::id).toArray(Integer[]::new));
        filter.appendTo(sql, params);
        return jdbc.list(sql.toString(), params, ScoreRepository::score);
    }

    private static Score score(ResultSet rs) throws SQLException {
        return new Score(rs.getInt("benchmark_id"), ModelRepository.model(rs), rs.getDouble("score"),
                Jdbc.nullableDouble(rs, "stderr"), Jdbc.nullableLong(rs, "samples"),
                Jdbc.nullableDouble(rs, "cost_usd"), Jdbc.instant(rs, "evaluated_at"));
    }
}
