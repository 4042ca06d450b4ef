package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/**
 * The Pareto frontier as a staircase through its points (sorted by x): the best y reachable
 * holds until the next frontier point improves it.
 */
public final class FrontierLine implements ChartPart {

    private final List<double[]> points;
    private final String colour;

    /** @param points pixel positions of the frontier, sorted by x: two at least */
    public FrontierLine(List<double[]> points, String colour) {
        this.points = points;
        this.colour = colour;
    }

    /** Marks the staircase's segments as taken, so the legend keeps off the line. */
    public void occupy(Occupancy occupancy) {
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            occupancy.add(new Rect(a[0], a[1] - 1, b[0] - a[0], 2));
            occupancy.add(new Rect(b[0] - 1, Math.min(a[1], b[1]), 2, Math.abs(b[1] - a[1])));
        }
    }

    @Override
    public void paint(SvgWriter svg) {
        PathData d = new PathData().moveTo(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            d.horizontalTo(points.get(i)[0]).verticalTo(points.get(i)[1]);
        }
        svg.open("path").attr("d", d.toString()).attr("fill", "none").attr("stroke", colour)
                .attr("stroke-width", 1.5).attr("stroke-dasharray", "4 2").close();
    }
}
