package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.layout.Rect;

/**
 * The canvas and the plot area within it, with the room the plot's axes take: {@code rightClearance} right of the
 * plot (half a tick label), {@code belowPlot} under it (tick labels and axis title).
 */
record ChartFrame(int width, int height, Rect plot, double rightClearance, double belowPlot) {

    /** Narrow charts take an outside legend below the plot, wide ones right of it. */
    boolean narrow() {
        return width < 1.2 * height || width < 480;
    }
}
