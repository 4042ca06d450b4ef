package dev.evalboard.chart.render;

import java.util.List;

/**
 * One model's bars: {@code values} line up with the chart's groups; null means no result. {@code stderrs}, when
 * not null, line up the same way: the standard error of each value, null where a result has none.
 */
public record BarSeries(String name, List<Double> values, List<Double> stderrs) {

    public BarSeries(String name, List<Double> values) {
        this(name, values, null);
    }

    /** The standard error of the value in group {@code g}, or null. */
    public Double stderrAt(int g) {
        return stderrs == null ? null : stderrs.get(g);
    }
}
