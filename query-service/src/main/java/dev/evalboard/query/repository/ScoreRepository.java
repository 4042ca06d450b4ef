package dev.evalboard.query.repository;

import dev.evalboard.contract.rank.RankSort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Current results of many models on one or several benchmarks: the input of rankings and Pareto sets. */
@ApplicationScoped
public class ScoreRepository {

    /** A model's current result on one benchmark+metric. */
    public record Score(int benchmarkId, ModelRow model, double score, Double stderr, Long samples, Double costUsd,
            Instant evaluatedAt, boolean partial) {
    }

    /** A score with its rank and ciRank among, and the number of, the results that passed the filters. */
    public record Ranked(Score score, long rank, long ciRank, long total) {
    }

    private static final String COLUMNS = "c.benchmark_id, " + ModelRepository.MODEL_COLUMNS
            + ", c.score, c.stderr, c.samples, c.cost_usd, c.evaluated_at, c.partial";
    private static final String FROM = " FROM current_result c JOIN model m ON m.id = c.model_id";

    private final Jdbc jdbc;

    public ScoreRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long count(Benchmark benchmark, ModelFilter filter, boolean includePartial) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        RankedPageQuery.appendTotal(sql, params, benchmark, filter, includePartial || !hasPartial(benchmark));
        return jdbc.count(sql.toString(), params);
    }

    /**
     * One page of a benchmark's filtered results in the order {@code sort} names, ties by model name, each with its
     * rank and ciRank over every filtered result (see {@link RankedPageQuery}). The order direction is chosen from
     * the benchmark, never from the request.
     */
    public List<Ranked> ranked(Benchmark benchmark, ModelFilter filter, boolean includePartial, RankSort sort,
            int limit, long offset) {
        RankedPageQuery query = new RankedPageQuery(benchmark, filter, includePartial || !hasPartial(benchmark), sort,
                limit, offset);
        Jdbc.RowMapper<Ranked> ranked = rs -> new Ranked(score(rs), rs.getLong("rank"), rs.getLong("ci_rank"),
                rs.getLong("total"));
        // An unfiltered page is index probes whatever the benchmark, offset or limit (RankedPageQuery).
        return filter.isEmpty() ? jdbc.listWithGenericPlan(query.sql, query.params, ranked)
                : jdbc.list(query.sql, query.params, ranked);
    }

    /**
     * Whether the board has a partial current result (one probe of V5's partial index). Most boards have none, and
     * then their page and counts are read without the partial condition: index-only, as before partial runs existed.
     */
    private boolean hasPartial(Benchmark benchmark) {
        return jdbc.count("SELECT count(*) FROM (SELECT 1 FROM current_result WHERE benchmark_id = ? AND partial"
                + " LIMIT 1) p", List.of(benchmark.id())) > 0;
    }

    /** The stated random baselines of the benchmarks, by benchmark id; a benchmark without one is left out. */
    public Map<Integer, Double> baselines(List<Benchmark> benchmarks) {
        Map<Integer, Double> baselines = new HashMap<>();
        jdbc.list("SELECT id, baseline FROM benchmark WHERE id = ANY(?) AND baseline IS NOT NULL",
                List.of((Object) benchmarks.stream().map(Benchmark::id).toArray(Integer[]::new)),
                rs -> Map.entry(rs.getInt("id"), rs.getDouble("baseline")))
                .forEach(entry -> baselines.put(entry.getKey(), entry.getValue()));
        return baselines;
    }

    /** Every filtered current result on any of the benchmarks, in no particular order. */
    public List<Score> onAny(List<Benchmark> benchmarks, ModelFilter filter, boolean includePartial) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE c.benchmark_id = ANY(?)");
        List<Object> params = new ArrayList<>();
        params.add(benchmarks.stream().map(Benchmark::id).toArray(Integer[]::new));
        filter.appendTo(sql, params);
        filter.appendFlagExclusion(sql, "c.model_id");
        PartialRuns.appendExcluded(sql, "c", includePartial);
        return jdbc.list(sql.toString(), params, ScoreRepository::score);
    }

    private static Score score(ResultSet rs) throws SQLException {
        return new Score(rs.getInt("benchmark_id"), ModelRepository.model(rs), rs.getDouble("score"),
                Jdbc.nullableDouble(rs, "stderr"), Jdbc.nullableLong(rs, "samples"),
                Jdbc.nullableDouble(rs, "cost_usd"), Jdbc.instant(rs, "evaluated_at"), rs.getBoolean("partial"));
    }
}
