package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.Num;
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
        StringBuilder d = new StringBuilder();
        for (double y : horizontalAt) {
            d.append('M').append(Num.coord(plot.x())).append(' ').append(Num.coord(y))
                    .append('H').append(Num.coord(plot.right()));
        }
        for (double x : verticalAt) {
            d.append('M').append(Num.coord(x)).append(' ').append(Num.coord(plot.y()))
                    .append('V').append(Num.coord(plot.bottom()));
        }
        if (d.length() > 0) {
            svg.open("path").attr("class", "g").attr("d", d.toString()).close();
        }
    }
}
