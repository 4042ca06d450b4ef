package dev.evalboard.chart.render.scale;

/** A tick position in data units and its label. */
public record Tick(double value, String label) {
}
