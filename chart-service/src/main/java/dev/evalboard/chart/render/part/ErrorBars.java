package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** Whiskers from a value's low to its high end with a cap at each, all in one path. */
public final class ErrorBars implements ChartPart {

    /** One whisker: {@code box} spans the caps' width and the interval's pixels. */
    public record Whisker(Rect box) {
    }

    private final List<Whisker> whiskers;
    private final String colour;

    public ErrorBars(List<Whisker> whiskers, String colour) {
        this.whiskers = whiskers;
        this.colour = colour;
    }

    @Override
    public void paint(SvgWriter svg) {
        if (whiskers.isEmpty()) {
            return;
        }
        PathData d = new PathData();
        for (Whisker w : whiskers) {
            Rect b = w.box();
            double mid = b.x() + b.width() / 2;
            d.moveTo(b.x(), b.y()).horizontalTo(b.right()).moveTo(mid, b.y()).verticalTo(b.bottom())
                    .moveTo(b.x(), b.bottom()).horizontalTo(b.right());
        }
        svg.open("path").attr("d", d.toString()).attr("stroke", colour).attr("fill", "none")
                .close();
    }
}
