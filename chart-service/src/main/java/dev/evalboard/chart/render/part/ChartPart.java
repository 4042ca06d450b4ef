package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;

/** One layer of a chart; a renderer paints its parts in a fixed order, later ones on top. */
public interface ChartPart {

    void paint(SvgWriter svg);
}
