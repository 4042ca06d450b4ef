package dev.evalboard.query.repository;

import dev.evalboard.contract.rank.ConfidenceRanks;
import dev.evalboard.contract.rank.RankSort;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one leaderboard page with each entry's rank and ciRank, in one statement (so from one snapshot).
 *
 * <p>The page: only the rows at least as good as the (offset + limit)-th best on the sort key are read, from the
 * score index or the interval indexes of V3, so a top page of a 100,000-model board costs a few index probes.
 *
 * <p>The counts: an entry's rank is 1 + the number of results with a strictly better score, its ciRank 1 + the
 * number whose interval's worse end is strictly better than its own better end. Both are counted over the whole
 * (filtered) board, but per page, not per entry: one index range count of the results beyond the page's best
 * value, plus the values that fall between the page's worst and best (a "band", usually a few dozen), against which
 * each entry is compared. So a page costs about one index range of its own depth, never entries × board.
 *
 * <p>Partial runs are left out of the page, the counts and the total unless {@code includePartial}.
 */
final class RankedPageQuery {
    final String sql;
    final List<Object> params = new ArrayList<>();

    private final Benchmark benchmark;
    private final ModelFilter filter;
    private final boolean higher;
    private final boolean includePartial;

    RankedPageQuery(Benchmark benchmark, ModelFilter filter, boolean includePartial, RankSort sort, int limit,
            long offset) {
        this.benchmark = benchmark;
        this.filter = filter;
        this.includePartial = includePartial;
        this.higher = benchmark.higherIsBetter();
        String pageOrder = order(sort, "page.score", "page.better_end", "page.name");
        StringBuilder s = new StringBuilder("WITH page AS MATERIALIZED (SELECT c.benchmark_id, ")
                .append(ModelRepository.MODEL_COLUMNS)
                .append(", c.score, c.stderr, c.samples, c.cost_usd, c.evaluated_at, c.partial, ")
                .append(betterEnd("c"))
                .append(" AS better_end FROM ");
        if (filter.isEmpty()) {
            // PostgreSQL cannot know the threshold when it plans and would hash-join the whole model table;
            // OFFSET 0 keeps the model lookup a nested loop per row that can reach the page (0.3 s against 4 ms).
            s.append("(SELECT * FROM current_result c WHERE c.benchmark_id = ?");
            params.add(benchmark.id());
            filter.appendFlagExclusion(s, "c.model_id");
            PartialRuns.appendExcluded(s, "c", includePartial);
            appendAtLeastThreshold(s, sort, offset + limit - 1);
            s.append(") c CROSS JOIN LATERAL (SELECT * FROM model m WHERE m.id = c.model_id OFFSET 0) m");
        } else {
            s.append("current_result c JOIN model m ON m.id = c.model_id WHERE c.benchmark_id = ?");
            params.add(benchmark.id());
            filter.appendTo(s, params);
            filter.appendFlagExclusion(s, "c.model_id");
            PartialRuns.appendExcluded(s, "c", includePartial);
            appendAtLeastThreshold(s, sort, offset + limit - 1);
        }
        s.append(" ORDER BY ").append(order(sort, "c.score", betterEnd("c"), "m.name")).append(" LIMIT ? OFFSET ?)");
        params.add(limit);
        params.add(offset);
        appendCounts(s, "scores", "s.score", "score");
        appendCounts(s, "intervals", worseEnd("s"), "better_end");
        s.append(" SELECT page.*, 1 + scores.beyond + (SELECT count(*) FROM unnest(scores.band) v WHERE v ")
                .append(better()).append(" page.score) AS rank, 1 + intervals.beyond + (SELECT count(*) FROM")
                .append(" unnest(intervals.band) v WHERE v ").append(better())
                .append(" page.better_end) AS ci_rank, (");
        appendTotal(s);
        s.append(") AS total FROM page, scores, intervals ORDER BY ").append(pageOrder);
        this.sql = s.toString();
    }

    /** By score, or by the interval's better end then score; ties by name (ciRank only grows as that end worsens). */
    private String order(RankSort sort, String score, String betterEnd, String name) {
        String direction = higher ? " DESC" : " ASC";
        return (sort == RankSort.RANK ? "" : betterEnd + direction + ", ") + score + direction + ", " + name
                + " COLLATE \"C\"";
    }

    /** Keeps the rows at least as good, on the sort key, as the n-th best (all when there are fewer). */
    private void appendAtLeastThreshold(StringBuilder s, RankSort sort, long nth) {
        String key = sort == RankSort.RANK ? "c.score" : betterEnd("c");
        String keyOfS = sort == RankSort.RANK ? "s.score" : betterEnd("s");
        s.append(" AND ").append(key).append(higher ? " >= " : " <= ").append("coalesce((SELECT ").append(keyOfS);
        appendBoard(s);
        s.append(" ORDER BY ").append(keyOfS).append(higher ? " DESC" : " ASC").append(" OFFSET ? LIMIT 1), ")
                .append(higher ? "'-Infinity'" : "'Infinity'").append("::float8)");
        params.add(nth);
    }

    /**
     * A one-row CTE: how many board values are strictly better than the page's best {@code pageColumn}, and the
     * values between its worst (excluded) and its best (included).
     */
    private void appendCounts(StringBuilder s, String name, String boardValue, String pageColumn) {
        String best = "(SELECT " + (higher ? "max" : "min") + "(" + pageColumn + ") FROM page)";
        String worst = "(SELECT " + (higher ? "min" : "max") + "(" + pageColumn + ") FROM page)";
        s.append(", ").append(name).append(" AS MATERIALIZED (SELECT (SELECT count(*)");
        appendBoard(s);
        s.append(" AND ").append(boardValue).append(' ').append(better()).append(' ').append(best)
                .append(") AS beyond, array(SELECT ").append(boardValue);
        appendBoard(s);
        s.append(" AND ").append(boardValue).append(' ').append(better()).append(' ').append(worst).append(" AND ")
                .append(boardValue).append(higher ? " <= " : " >= ").append(best).append(") AS band)");
    }

    private void appendBoard(StringBuilder s) {
        appendBoard(s, params, benchmark, filter, includePartial);
    }

    /** FROM and WHERE of the (filtered) board, with the current result aliased {@code s}. */
    private static void appendBoard(StringBuilder s, List<Object> params, Benchmark benchmark, ModelFilter filter,
            boolean includePartial) {
        s.append(" FROM current_result s");
        if (!filter.isEmpty()) {
            s.append(" JOIN model m ON m.id = s.model_id");
        }
        s.append(" WHERE s.benchmark_id = ?");
        params.add(benchmark.id());
        filter.appendTo(s, params);
        filter.appendFlagExclusion(s, "s.model_id");
        PartialRuns.appendExcluded(s, "s", includePartial);
    }

    private void appendTotal(StringBuilder s) {
        appendTotal(s, params, benchmark, filter, includePartial);
    }

    /**
     * The number of the board's (filtered) results. Without a filter, the count the schema's triggers keep in the
     * transaction that writes the results (a few rows, V2__current_result_counts.sql), less the flagged models on
     * the board unless they are included; else counted.
     */
    static void appendTotal(StringBuilder s, List<Object> params, Benchmark benchmark, ModelFilter filter,
            boolean includePartial) {
        if (filter.isEmpty()) {
            s.append("SELECT coalesce(sum(results), 0)");
            PartialRuns.appendSubtracted(s, params, benchmark.id(), includePartial);
            filter.appendMinusFlaggedOnBoard(s, params, benchmark.id(), includePartial);
            s.append(" FROM current_result_count WHERE benchmark_id = ?");
            params.add(benchmark.id());
        } else {
            s.append("SELECT count(*)");
            appendBoard(s, params, benchmark, filter, includePartial);
        }
    }

    private String better() {
        return higher ? ">" : "<";
    }

    private String betterEnd(String alias) {
        return (higher ? ConfidenceRanks.HIGH_SQL : ConfidenceRanks.LOW_SQL).formatted(alias);
    }

    private String worseEnd(String alias) {
        return (higher ? ConfidenceRanks.LOW_SQL : ConfidenceRanks.HIGH_SQL).formatted(alias);
    }
}
