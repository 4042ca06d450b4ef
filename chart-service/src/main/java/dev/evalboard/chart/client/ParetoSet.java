package dev.evalboard.chart.client;

import java.util.List;

/**
 * {@code GET /api/v1/pareto}: the frontier (sorted by x), the page of dominated points asked for (best first) out of
 * {@code dominatedTotal}, and the points of the models the request named.
 */
public record ParetoSet(String x, Object y, List<Point> frontier, List<Point> dominated, Long dominatedTotal,
        List<Point> requested, Integer excluded) {

    /** One model; {@code openness}, {@code parameters} and {@code stderr} (of y) may be absent. */
    public record Point(String model, Double x, Double y, String openness, Long parameters, Double stderr) {
    }
}
