package dev.evalboard.chart.render;

import dev.evalboard.contract.Openness;

/** One model on the scatter chart; {@code stderr} is the standard error of y, or null. */
public record ScatterPoint(String name, double x, double y, Openness openness, Double stderr) {

    public ScatterPoint(String name, double x, double y, Openness openness) {
        this(name, x, y, openness, null);
    }
}
