package dev.evalboard.chart.render;

import java.util.List;

/** One model's bars: {@code values} line up with the chart's groups; null means no result. */
public record BarSeries(String name, List<Double> values) {
}
