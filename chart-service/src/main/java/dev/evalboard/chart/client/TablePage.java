package dev.evalboard.chart.client;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/leaderboard} with its paging: models ranked by their mean over the benchmarks, those missing one
 * after the ranked rows without rank or mean.
 */
public record TablePage(List<String> benchmarks, String metric, boolean higherIsBetter, long total, int limit,
        long offset, List<Row> rows) {

    public record Row(Long rank, String model, Double mean, Map<String, Double> scores, List<String> missing,
            Long parameters, Long activeParameters, String openness) {
    }
}
