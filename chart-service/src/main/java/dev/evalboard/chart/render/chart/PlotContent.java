package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import java.util.List;

/** What a chart draws in a given plot area: the marks no legend or label may cover, and the labels to place. */
interface PlotContent {

    /** The plot area the content was laid out in (a renderer may narrow the one it was offered). */
    Rect plot();

    /** Bars, markers, whiskers. */
    Occupancy marks();

    /** Lines a label may cross when it has no other place, and the legend may not (the frontier). */
    Occupancy soft();

    /** Most telling first: those are placed first, and the last ones are left out when room runs out. */
    List<LabelRequest> labels();
}
