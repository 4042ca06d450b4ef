package dev.evalboard.query.service;

import java.util.List;
import java.util.Map;

/**
 * Models ranked by their mean over several benchmarks; rows of models missing one of them follow the ranked rows
 * with no rank and no mean.
 */
public record Table(List<String> benchmarks, String metric, boolean higherIsBetter, long total, int limit,
        long offset, List<Row> rows) {

    /** {@code stderrs} holds the standard errors of the scores that have one, by benchmark. */
    public record Row(Long rank, String model, Double mean, Map<String, Double> scores, Map<String, Double> stderrs,
            List<String> missing, Long parameters, Long activeParameters, String openness) {
    }
}
