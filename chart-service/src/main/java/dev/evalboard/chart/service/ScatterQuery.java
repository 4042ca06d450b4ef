package dev.evalboard.chart.service;

import dev.evalboard.chart.render.theme.Theme;
import java.util.List;
import java.util.Set;

/** A scatter chart drawn from query-service's Pareto answer; {@code version} (of one benchmark) null for the newest. */
public record ScatterQuery(List<String> benchmarks, String metric, XMeasure x, boolean logX, Set<String> highlight,
                           String highlightLabel, boolean frontier, String title,
                           Double xMin, Double xMax, Double yMin, Double yMax, int width, int height, Theme theme,
                           boolean errorBars, String version, String asOf) {
}
