package dev.evalboard.chart.client;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/leaderboards/{benchmark}}: a page of a benchmark's ranking; {@code total} counts all matches. */
public record BoardPage(String benchmark, String metric, boolean higherIsBetter, String unit, long total, int limit,
        long offset, List<Entry> entries) {

    /** {@code ciRank}: the confidence-aware rank (contract section 2); null from a query-service without it. */
    public record Entry(long rank, Long ciRank, String model, double score, Double stderr, Long samples, Double costUsd,
            Long parameters, Long activeParameters, String openness, String organization, Instant evaluatedAt) {
    }
}
