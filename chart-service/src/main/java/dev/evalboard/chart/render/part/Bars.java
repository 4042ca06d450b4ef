package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** Bar rectangles, one group element per series so the fill is written once. */
public final class Bars implements ChartPart {

    /** The bars of one series and how they are filled. */
    public record SeriesBars(String fill, List<Rect> bars) {
    }

    private final List<SeriesBars> series;

    public Bars(List<SeriesBars> series) {
        this.series = series;
    }

    @Override
    public void paint(SvgWriter svg) {
        for (SeriesBars s : series) {
            svg.open("g").attr("fill", s.fill());
            for (Rect bar : s.bars()) {
                svg.open("rect").attr("x", bar.x()).attr("y", bar.y())
                        .attr("width", bar.width()).attr("height", bar.height()).close();
            }
            svg.end("g");
        }
    }
}
