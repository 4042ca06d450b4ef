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
        StringBuilder sql = new StringBuilder("SELECT count(*)" + FROM + " WHERE c.benchmark_id = ?");
        List<Object> params = new ArrayList<>(List.of(benchmark.id()));
        filter.appendTo(sql, params);
        return jdbc.count(sql.toString(), params);
    }

    /**
     * One page of a benchmark's filtered results, best first, ties by model name. SQL's {@code rank()} is the
     * standard competition rank; it and the total come from the same statement, so from one snapshot. The order
     * direction is chosen from the benchmark, never from the request.
     */
    public List<Ranked> ranked(Benchmark benchmark, ModelFilter filter, int limit, long offset) {
        String order = benchmark.higherIsBetter() ? "c.score DESC" : "c.score ASC";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", rank() OVER (ORDER BY " + order
                + ") AS rank, count(*) OVER () AS total" + FROM + " WHERE c.benchmark_id = ?");
        List<Object> params = new ArrayList<>(List.of(benchmark.id()));
        filter.appendTo(sql, params);
        sql.append(" ORDER BY ").append(order).append(", m.name COLLATE \"C\" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.list(sql.toString(), params,
                rs -> new Ranked(score(rs), rs.getLong("rank"), rs.getLong("total")));
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
