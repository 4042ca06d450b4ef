package dev.evalboard.query.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evalboard.query.repository.Flag;
import java.time.Instant;
import java.util.List;

/**
 * One page of a benchmark's ranking; {@code total} counts every model that passes the filters. {@code sort} is
 * {@code rank} or {@code ciRank} (see {@link dev.evalboard.contract.rank.RankSort}). {@code version} is the version
 * shown (null: the runs without one), {@code versions} every version of the benchmark+metric, newest first;
 * partial runs are ranked only when {@code includePartial}.
 */
public record Leaderboard(String benchmark, String metric, String version, List<String> versions,
        boolean higherIsBetter, String unit, String sort, boolean includePartial, long total, int limit, long offset,
        List<Entry> entries) {

    /**
     * {@code ciLow} and {@code ciHigh}: score ∓ 1.96 standard errors (the score itself without one); {@code ciRank}:
     * 1 + the number of models whose interval lies strictly beyond this one's better end; {@code partial}: the run
     * scored fewer samples than the benchmark has (shown only with {@code includePartial}). {@code flag}: only on a
     * flagged model, listed with {@code includeFlagged=true}.
     */
    public record Entry(long rank, long ciRank, String model, double score, Double stderr, double ciLow,
            double ciHigh, Long samples, Double costUsd, Long parameters, Long activeParameters, String openness,
            String organization, Instant evaluatedAt, boolean partial,
            @JsonInclude(JsonInclude.Include.NON_NULL) Flag flag) {
    }
}
