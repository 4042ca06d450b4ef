package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** Grid lines across the plot area at tick positions, drawn as one path. */
public final class Grid implements ChartPart {

    private final Rect plot;
    private final List<Double> horizontalAt;
    private final List<Double> verticalAt;

    public Grid(Rect plot, List<Double> horizontalAt, List<Double> verticalAt) {
        this.plot = plot;
        this.horizontalAt = horizontalAt;
        this.verticalAt = verticalAt;
    }

    @Override
    public void paint(SvgWriter svg) {
        PathData d = new PathData();
        for (double y : horizontalAt) {
            d.moveTo(plot.x(), y).horizontalTo(plot.right());
        }
        for (double x : verticalAt) {
            d.moveTo(x, plot.y()).verticalTo(plot.bottom());
        }
        if (!d.isEmpty()) {
            svg.open("path").attr("class", "g").attr("d", d.toString()).close();
        }
    }
}
