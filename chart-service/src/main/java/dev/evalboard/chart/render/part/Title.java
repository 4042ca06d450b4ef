package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;

/** The chart title, centred at the top. */
public final class Title implements ChartPart {

    static final double TOP = 10;
    static final double GAP = 10;

    private final double centreX;
    private final String text;

    public Title(double centreX, String text) {
        this.centreX = centreX;
        this.text = text;
    }

    /** Space the title takes at the top, 0 without one. */
    public static double height(boolean hasTitle) {
        return hasTitle ? TOP + Fonts.TITLE + GAP : 0;
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.textAt(centreX, Fonts.baseline(TOP, Fonts.TITLE), "t c", text);
    }
}
