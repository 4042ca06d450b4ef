package dev.evalboard.query.service;

import java.time.Instant;
import java.util.List;

/** One page of a benchmark's ranking; {@code total} counts every model that passes the filters. */
public record Leaderboard(String benchmark, String metric, boolean higherIsBetter, String unit, long total,
        int limit, long offset, List<Entry> entries) {

    public record Entry(long rank, String model, double score, Double stderr, Long samples, Double costUsd,
            Long parameters, Long activeParameters, String openness, String organization, Instant evaluatedAt) {
    }
}
