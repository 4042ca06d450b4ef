package dev.evalboard.chart.service;

import dev.evalboard.chart.render.theme.Theme;

/**
 * A progress chart drawn from query-service's progress answer; {@code runs} adds the other runs as faint points;
 * {@code version} null for the newest.
 */
public record ProgressQuery(String benchmark, String metric, boolean runs, String title, Double yMin, Double yMax,
                            int width, int height, Theme theme, String version) {
}
