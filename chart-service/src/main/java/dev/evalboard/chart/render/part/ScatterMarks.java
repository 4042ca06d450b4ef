package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/**
 * Scatter markers: circles grouped by fill colour, then highlighted models as stars on top. Every marker carries a
 * {@code <title>}, the browser's tooltip, so a point whose label was left out can still be identified.
 */
public final class ScatterMarks implements ChartPart {

    /** One marker's centre and tooltip. */
    public record Mark(double cx, double cy, String tooltip) {
    }

    /** Circles sharing one fill. */
    public record CircleGroup(String fill, List<Mark> marks) {
    }

    private final List<CircleGroup> circles;
    private final List<Mark> stars;
    private final String stroke;
    private final String starFill;

    public ScatterMarks(List<CircleGroup> circles, List<Mark> stars, String stroke, String starFill) {
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
            for (Mark m : group.marks()) {
                svg.open("circle").attr("cx", m.cx()).attr("cy", m.cy()).attr("r", Markers.CIRCLE_RADIUS);
                svg.open("title").text(m.tooltip()).end("title").end("circle");
            }
            svg.end("g");
        }
        for (Mark m : stars) {
            svg.open("path").attr("d", Markers.starPath(m.cx(), m.cy(), Markers.STAR_RADIUS)).attr("fill", starFill);
            svg.open("title").text(m.tooltip()).end("title").end("path");
        }
        svg.end("g");
    }
}
