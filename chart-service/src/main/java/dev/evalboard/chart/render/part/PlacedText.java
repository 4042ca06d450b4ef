package dev.evalboard.chart.render.part;

/** A text whose position was decided by layout: anchor point, baseline and style class. */
public record PlacedText(double x, double baseline, String cssClass, String text) {
}
