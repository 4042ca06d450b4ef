package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;

/** Fills the whole canvas with the theme background. */
public final class Background implements ChartPart {

    private final int width;
    private final int height;
    private final String colour;

    public Background(int width, int height, String colour) {
        this.width = width;
        this.height = height;
        this.colour = colour;
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.open("rect").attr("width", width).attr("height", height).attr("fill", colour).close();
    }
}
