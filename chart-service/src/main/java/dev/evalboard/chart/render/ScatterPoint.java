package dev.evalboard.chart.render;

/** One model on the scatter chart. */
public record ScatterPoint(String name, double x, double y, Openness openness) {
}
