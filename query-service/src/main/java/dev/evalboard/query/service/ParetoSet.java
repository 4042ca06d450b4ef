package dev.evalboard.query.service;

import java.util.List;

/**
 * The Pareto frontier of x (lower is better) against y (the score, or the mean score over several benchmarks).
 * {@code excluded} counts the models that had every benchmark but no value for x.
 */
public record ParetoSet(List<String> benchmarks, String metric, String x, String y, boolean higherIsBetter,
        List<Point> frontier, List<Point> dominated, long excluded) {

    /**
     * {@code x} is a whole number for parameter counts and a decimal for costs; {@code stderr} is the standard error
     * of y, null when a result has none.
     */
    public record Point(String model, Number x, double y, Double stderr, String openness, Long parameters,
            Long activeParameters, String organization) {
    }
}
