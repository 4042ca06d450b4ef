package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;

/** The small sample drawn before a legend label, centred on (cx, cy). */
public interface Swatch {

    void paint(SvgWriter svg, double cx, double cy);
}
