package dev.evalboard.chart.render.chart;

import dev.evalboard.contract.pareto.ParetoFrontier;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.scale.LinearScale;
import dev.evalboard.chart.render.scale.LogScale;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.scale.Scale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The scatter chart's axes and frontier, from its points. */
final class ScatterScales {

    /** Share of the y data range added above and below, so no point sits on the plot edge. */
    private static final double Y_PAD = 0.06;

    private ScatterScales() {
    }

    static boolean inside(Scale scale, double v) {
        double slack = (scale.domainMax() - scale.domainMin()) * 1e-9;
        return v >= scale.domainMin() - slack && v <= scale.domainMax() + slack;
    }

    /**
     * The Pareto frontier of the drawn points, sorted by x: the models the spec names if it does (query-service's
     * answer), else computed. Labels rank frontier models high even when no frontier line is drawn.
     */
    static List<ScatterPoint> frontier(ScatterChartSpec spec, List<ScatterPoint> points) {
        if (spec.frontierModels() == null) {
            return ParetoFrontier.split(points, ScatterPoint::x, ScatterPoint::y, spec.higherIsBetter()).frontier();
        }
        List<ScatterPoint> given = new ArrayList<>();
        for (ScatterPoint p : points) {
            if (spec.frontierModels().contains(p.name())) {
                given.add(p);
            }
        }
        given.sort(Comparator.comparingDouble(ScatterPoint::x)
                .thenComparingDouble(p -> spec.higherIsBetter() ? -p.y() : p.y()));
        return given;
    }

    static Scale y(ScatterChartSpec spec, List<ScatterPoint> points, double bottom, double top) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScatterPoint p : points) {
            // With error bars the whiskers are inside the axis too.
            double reach = spec.errorBars() && p.stderr() != null && Checks.drawable(BarLayout.Z95 * p.stderr())
                    ? BarLayout.Z95 * p.stderr() : 0;
            min = Math.min(min, p.y() - reach);
            max = Math.max(max, p.y() + reach);
        }
        if (points.isEmpty()) {
            min = 0;
            max = 1;
        }
        double pad = (max - min) * Y_PAD;
        int ticks = (int) Math.max(3, Math.min(10, (bottom - top) / 50));
        return new LinearScale(min - pad, max + pad, spec.yMin(), spec.yMax(), bottom, top, ticks, NumberStyle.PLAIN);
    }

    static Scale x(ScatterChartSpec spec, List<ScatterPoint> points, Rect plot) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScatterPoint p : points) {
            min = Math.min(min, p.x());
            max = Math.max(max, p.x());
        }
        if (spec.logX()) {
            if (points.isEmpty()) {
                min = 1;
                max = 10;
            }
            if (max == min) {
                min /= 2;
                max *= 2;
            }
            return new LogScale(min, max, spec.xMin(), spec.xMax(), plot.x(), plot.right(), spec.xStyle(),
                    label -> Fonts.width(label, Fonts.TICK, false));
        }
        if (points.isEmpty()) {
            min = 0;
            max = 1;
        }
        int ticks = (int) Math.max(3, Math.min(10, plot.width() / 90));
        return new LinearScale(min, max, spec.xMin(), spec.xMax(), plot.x(), plot.right(), ticks, spec.xStyle());
    }
}
