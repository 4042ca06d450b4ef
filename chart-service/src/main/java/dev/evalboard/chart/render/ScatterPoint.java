package dev.evalboard.chart.render;

import dev.evalboard.contract.Openness;

/** One model on the scatter chart. */
public record ScatterPoint(String name, double x, double y, Openness openness) {
}
