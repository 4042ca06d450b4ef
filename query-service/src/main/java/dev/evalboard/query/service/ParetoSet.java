package dev.evalboard.query.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evalboard.query.repository.Flag;
import java.util.List;

/**
 * The Pareto frontier of x (lower is better) against y (the score, or the mean score over several benchmarks).
 * The frontier comes in full; the dominated points only as the page asked for ({@code dominatedOffset}, best y
 * first), out of {@code dominatedTotal}; {@code requested} holds the points of the models the request named,
 * wherever they are. {@code excluded} counts the models that had every benchmark but no value for x. Of one
 * benchmark, {@code version} is the version shown and {@code versions} all of them, newest first; of several, each is
 * taken in its newest version and both are null. Partial runs count only when {@code includePartial}.
 */
public record ParetoSet(List<String> benchmarks, String metric, String version, List<String> versions,
        boolean includePartial, String x, String y, boolean higherIsBetter,
        List<Point> frontier, List<Point> dominated, long dominatedTotal, long dominatedOffset,
        List<Point> requested, long excluded) {

    /**
     * {@code x} is a whole number for parameter counts and a decimal for costs; {@code stderr} is the standard error
     * of y, null when a result has none; {@code flag} only on a flagged model (with {@code includeFlagged=true}).
     */
    public record Point(String model, Number x, double y, Double stderr, String openness, Long parameters,
            Long activeParameters, String organization, @JsonInclude(JsonInclude.Include.NON_NULL) Flag flag) {
    }

    /** Which dominated points to list: {@code limit} of them (0 for none) after skipping {@code offset}. */
    public record DominatedPage(int limit, long offset) {
    }
}
