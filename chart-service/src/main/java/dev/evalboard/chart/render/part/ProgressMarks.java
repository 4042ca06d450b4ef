package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/**
 * A progress chart's marks: the other runs as faint points, then the best-so-far as a step line (each best holds
 * until the next one beats it, the last until {@code lineEnd}) with a marker on every step. Every point carries a
 * {@code <title>} tooltip.
 */
public final class ProgressMarks implements ChartPart {

    /** A point in pixels and its tooltip. */
    public record Mark(double x, double y, String tooltip) {
    }

    public static final double STEP_RADIUS = 4;
    public static final double RUN_RADIUS = 3;

    private final List<Mark> steps;
    private final List<Mark> runs;
    private final double lineEnd;
    private final String lineColour;
    private final String runColour;
    private final String stroke;

    public ProgressMarks(List<Mark> steps, List<Mark> runs, double lineEnd, String lineColour, String runColour,
                         String stroke) {
        this.steps = steps;
        this.runs = runs;
        this.lineEnd = lineEnd;
        this.lineColour = lineColour;
        this.runColour = runColour;
        this.stroke = stroke;
    }

    /** Marks the points and the line as taken, so labels and the legend keep off them. */
    public void occupy(Occupancy occupancy) {
        for (Mark run : runs) {
            occupancy.add(Markers.bounds(run.x(), run.y(), RUN_RADIUS));
        }
        for (int i = 0; i < steps.size(); i++) {
            Mark a = steps.get(i);
            occupancy.add(Markers.bounds(a.x(), a.y(), STEP_RADIUS));
            double toX = i + 1 < steps.size() ? steps.get(i + 1).x() : lineEnd;
            occupancy.add(new Rect(a.x(), a.y() - 1, Math.max(0, toX - a.x()), 2));
            if (i + 1 < steps.size()) {
                Mark b = steps.get(i + 1);
                occupancy.add(new Rect(b.x() - 1, Math.min(a.y(), b.y()), 2, Math.abs(b.y() - a.y())));
            }
        }
    }

    @Override
    public void paint(SvgWriter svg) {
        if (!runs.isEmpty()) {
            svg.open("g").attr("fill", runColour).attr("fill-opacity", 0.35);
            runs.forEach(run -> point(svg, run, RUN_RADIUS));
            svg.end("g");
        }
        if (steps.isEmpty()) {
            return;
        }
        PathData d = new PathData().moveTo(steps.get(0).x(), steps.get(0).y());
        for (int i = 1; i < steps.size(); i++) {
            d.horizontalTo(steps.get(i).x()).verticalTo(steps.get(i).y());
        }
        d.horizontalTo(lineEnd);
        svg.open("path").attr("d", d.toString()).attr("fill", "none").attr("stroke", lineColour)
                .attr("stroke-width", 2).close();
        svg.open("g").attr("fill", lineColour).attr("stroke", stroke).attr("stroke-width", 0.8);
        steps.forEach(step -> point(svg, step, STEP_RADIUS));
        svg.end("g");
    }

    private static void point(SvgWriter svg, Mark mark, double r) {
        svg.open("circle").attr("cx", mark.x()).attr("cy", mark.y()).attr("r", r);
        svg.open("title").text(mark.tooltip()).end("title");
        svg.end("circle");
    }
}
