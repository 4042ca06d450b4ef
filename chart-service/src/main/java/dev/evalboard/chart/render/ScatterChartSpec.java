package dev.evalboard.chart.render;

import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.theme.Theme;
import java.util.List;
import java.util.Set;

/**
 * A labelled scatter chart of models. When {@code frontier} is set, the Pareto frontier is the
 * points named in {@code frontierModels} if given (query-service's own answer), else the renderer
 * computes it from {@code points}: lower x is better, higher y is better when {@code higherIsBetter}.
 * Null axis ends are chosen from the data. {@code errorBars} draws ±1.96 standard errors of y where a point has one.
 */
public record ScatterChartSpec(String title, String xTitle, String yTitle, List<ScatterPoint> points,
                               NumberStyle xStyle, boolean logX, Set<String> highlight, String highlightLabel,
                               boolean frontier, boolean higherIsBetter, Set<String> frontierModels,
                               Double xMin, Double xMax, Double yMin, Double yMax,
                               int width, int height, Theme theme, boolean errorBars) {

    public ScatterChartSpec(String title, String xTitle, String yTitle, List<ScatterPoint> points,
                            NumberStyle xStyle, boolean logX, Set<String> highlight, String highlightLabel,
                            boolean frontier, boolean higherIsBetter, Set<String> frontierModels,
                            Double xMin, Double xMax, Double yMin, Double yMax,
                            int width, int height, Theme theme) {
        this(title, xTitle, yTitle, points, xStyle, logX, highlight, highlightLabel, frontier, higherIsBetter,
                frontierModels, xMin, xMax, yMin, yMax, width, height, theme, false);
    }
}
