package dev.evalboard.chart.client;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/leaderboard}: one row per model, ranked by the mean over the benchmarks. */
public record LeaderboardTable(List<String> benchmarks, List<Row> rows) {

    /**
     * A model's scores; {@code rank} is null when it misses some benchmark (named in {@code missing}).
     * {@code stderrs} holds the standard errors of the scores that have one.
     */
    public record Row(Integer rank, String model, Double mean, Map<String, Double> scores, List<String> missing,
                      Map<String, Double> stderrs) {
    }
}
