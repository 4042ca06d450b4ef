package dev.evalboard.chart.service;

import dev.evalboard.chart.render.theme.Theme;
import java.util.List;
import java.util.Set;

/**
 * A bar chart drawn from query-service; {@code models} empty means the top models by mean; {@code version} (of a
 * single benchmark) null means the newest.
 */
public record BarQuery(List<String> benchmarks, List<String> models, String metric, Set<String> highlight,
                       String title, Double yMin, Double yMax, int width, int height, Theme theme, boolean labels,
                       boolean errorBars, String version, String asOf) {
}
