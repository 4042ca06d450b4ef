package dev.evalboard.chart.client;

import java.util.List;

/** {@code GET /api/v1/pareto}: the frontier (sorted by x) and the dominated points. */
public record ParetoSet(String x, Object y, List<Point> frontier, List<Point> dominated, Integer excluded) {

    /** One model; {@code openness}, {@code parameters} and {@code stderr} (of y) may be absent. */
    public record Point(String model, Double x, Double y, String openness, Long parameters, Double stderr) {
    }
}
