package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;

/** Marker shapes shared by the plot and the legend. */
public final class Markers {

    public static final double CIRCLE_RADIUS = 5;
    public static final double STAR_RADIUS = 9;
    private static final double STAR_INNER_RATIO = 0.45;

    private Markers() {
    }

    /** A five-pointed star, point up, as path data. */
    public static String starPath(double cx, double cy, double outer) {
        PathData d = new PathData();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : outer * STAR_INNER_RATIO;
            double angle = Math.PI * i / 5 - Math.PI / 2;
            double x = cx + r * Math.cos(angle);
            double y = cy + r * Math.sin(angle);
            if (i == 0) {
                d.moveTo(x, y);
            } else {
                d.lineTo(x, y);
            }
        }
        return d.close().toString();
    }

    public static Rect bounds(double cx, double cy, double r) {
        return new Rect(cx - r, cy - r, 2 * r, 2 * r);
    }

    /** A filled square swatch, e.g. a bar colour or hatching. */
    public static Swatch square(String fill) {
        return (svg, cx, cy) -> svg.open("rect").attr("x", cx - 6).attr("y", cy - 6)
                .attr("width", 12).attr("height", 12).attr("fill", fill).close();
    }

    public static Swatch dot(String fill, String stroke) {
        return (svg, cx, cy) -> svg.open("circle").attr("cx", cx).attr("cy", cy).attr("r", CIRCLE_RADIUS)
                .attr("fill", fill).attr("stroke", stroke).attr("stroke-width", 0.8).close();
    }

    public static Swatch star(String fill, String stroke) {
        return (svg, cx, cy) -> svg.open("path").attr("d", starPath(cx, cy, 7)).attr("fill", fill)
                .attr("stroke", stroke).attr("stroke-width", 0.8).close();
    }

    public static Swatch line(String stroke) {
        return (svg, cx, cy) -> svg.open("path").attr("d", "M" + Num.coord(cx - 7) + " " + Num.coord(cy)
                + "h14").attr("stroke", stroke).attr("stroke-width", 1.5).attr("stroke-dasharray", "4 2").close();
    }
}
