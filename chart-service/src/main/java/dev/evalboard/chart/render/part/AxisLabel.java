package dev.evalboard.chart.render.part;

/** A label along an axis at a pixel position (x for the bottom axis, y for the left one). */
public record AxisLabel(double position, String text) {
}
