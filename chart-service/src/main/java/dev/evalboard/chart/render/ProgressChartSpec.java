package dev.evalboard.chart.render;

import dev.evalboard.chart.render.theme.Theme;
import java.util.List;

/**
 * The best score on a benchmark over time: {@code steps} are the runs that set a new best, in time order, drawn as a
 * step line with each step labelled by its model; {@code runs} are other runs, drawn as faint points ({@code
 * runsNotSent} more exist than the data holds, a count for the description). Null axis ends are chosen from the
 * data.
 */
public record ProgressChartSpec(String title, String yTitle, List<ProgressPoint> steps, List<ProgressPoint> runs,
                                long runsNotSent, Double yMin, Double yMax, int width, int height, Theme theme) {
}
