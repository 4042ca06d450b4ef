package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** Scatter markers: circles grouped by fill colour, then highlighted models as stars on top. */
public final class ScatterMarks implements ChartPart {

    /** Circles sharing one fill. */
    public record CircleGroup(String fill, List<double[]> centres) {
    }

    private final List<CircleGroup> circles;
    private final List<double[]> stars;
    private final String stroke;
    private final String starFill;

    public ScatterMarks(List<CircleGroup> circles, List<double[]> stars, String stroke, String starFill) {
        this.circles = circles;
        this.stars = stars;
        this.stroke = stroke;
        this.starFill = starFill;
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.open("g").attr("stroke", stroke).attr("stroke-width", 0.8);
        for (CircleGroup group : circles) {
            svg.open("g").attr("fill", group.fill());
            for (double[] c : group.centres()) {
                Markers.circle(svg, c[0], c[1], Markers.CIRCLE_RADIUS);
            }
            svg.end("g");
        }
        for (double[] c : stars) {
            svg.open("path").attr("d", Markers.starPath(c[0], c[1], Markers.STAR_RADIUS)).attr("fill", starFill).close();
        }
        svg.end("g");
    }
}
