package dev.evalboard.chart.render;

import dev.evalboard.chart.render.theme.Theme;
import java.util.List;
import java.util.Set;

/**
 * A grouped bar chart: one group per entry of {@code groups} (benchmarks), one bar per series
 * (model) in each group. {@code yMin}/{@code yMax} fix the value axis ends when non-null. {@code errorBars} draws
 * ±1.96 standard errors where a series gives one.
 */
public record BarChartSpec(String title, String yTitle, List<String> groups, List<BarSeries> series,
                           Set<String> highlight, Double yMin, Double yMax,
                           int width, int height, Theme theme, boolean valueLabels, boolean errorBars) {

    public BarChartSpec(String title, String yTitle, List<String> groups, List<BarSeries> series,
                        Set<String> highlight, Double yMin, Double yMax,
                        int width, int height, Theme theme, boolean valueLabels) {
        this(title, yTitle, groups, series, highlight, yMin, yMax, width, height, theme, valueLabels, false);
    }
}
