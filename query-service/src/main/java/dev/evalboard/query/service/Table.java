package dev.evalboard.query.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evalboard.query.repository.Flag;
import java.util.List;
import java.util.Map;

/**
 * Models ranked by an aggregate of their scores over several benchmarks ({@code aggregate}: mean, normalized or
 * winrate); models with results on fewer than {@code minBenchmarks} of them follow the ranked rows with no rank and
 * no aggregate. {@code higherIsBetter} is the direction of the aggregate. {@code benchmarkVersions} holds the version
 * each benchmark was taken in (its newest, unless a table of one named another), in the order of {@code benchmarks};
 * null for the runs without a version.
 */
public record Table(List<String> benchmarks, List<String> benchmarkVersions, String metric, boolean higherIsBetter,
        String aggregate,
        int minBenchmarks, String sort, long total, int limit, long offset, List<Row> rows) {

    /**
     * {@code mean}: the plain mean of the model's scores; {@code aggregate}: the value it is ranked by, with its
     * propagated standard error {@code stderr} (sqrt(Σ se²) / k, null when a result has none or for win rates) and
     * the interval {@code ciLow}..{@code ciHigh} behind {@code ciRank}. {@code stderrs} holds the standard errors of
     * the scores that have one, by benchmark. {@code flag}: only on a flagged model (with {@code includeFlagged=true}).
     */
    public record Row(Long rank, Long ciRank, String model, Double mean, Double aggregate, Double stderr,
            Double ciLow, Double ciHigh, Map<String, Double> scores, Map<String, Double> stderrs,
            List<String> missing, Long parameters, Long activeParameters, String openness,
            @JsonInclude(JsonInclude.Include.NON_NULL) Flag flag) {
    }
}
