package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.SvgWriter;

/** States that there is nothing to plot, in the middle of the plot area. */
public final class NoData implements ChartPart {

    private final Rect plot;

    public NoData(Rect plot) {
        this.plot = plot;
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.textAt(plot.x() + plot.width() / 2, plot.y() + plot.height() / 2, "a c", "No data");
    }
}
