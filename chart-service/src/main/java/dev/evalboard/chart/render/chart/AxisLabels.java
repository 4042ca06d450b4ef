package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.part.AxisLabel;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.scale.Scale;
import dev.evalboard.chart.render.scale.Tick;
import dev.evalboard.chart.render.text.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/** Tick labels that keep clear of each other: a label too close to the one kept before it is left out. */
final class AxisLabels {

    /** Kept between neighbouring tick labels. */
    private static final double GAP = 4;

    private AxisLabels() {
    }

    /** Labels of the bottom axis, centred under their ticks. */
    static List<AxisLabel> bottom(Scale scale) {
        List<AxisLabel> out = new ArrayList<>();
        double keptEnd = Double.NEGATIVE_INFINITY;
        for (Tick t : scale.ticks()) {
            double x = scale.toPixel(t.value());
            double half = Fonts.width(t.label(), Fonts.TICK, false) / 2;
            if (x - half >= keptEnd + GAP) {
                out.add(new AxisLabel(x, t.label()));
                keptEnd = x + half;
            }
        }
        return out;
    }

    /** Labels of the left axis, from the bottom up; one that would reach below {@code lowest} is left out too. */
    static List<AxisLabel> left(Scale scale, double lowest) {
        List<AxisLabel> out = new ArrayList<>();
        double keptTop = lowest;
        double above = (FontMetrics.ASCENT - LeftAxis.BASELINE_SHIFT) * Fonts.TICK;
        double below = Fonts.boxHeight(Fonts.TICK) - above;
        List<Tick> ticks = new ArrayList<>(scale.ticks());
        ticks.sort((a, b) -> Double.compare(scale.toPixel(b.value()), scale.toPixel(a.value())));
        for (Tick t : ticks) {
            double y = scale.toPixel(t.value());
            if (y + below <= keptTop - (out.isEmpty() ? 0 : GAP)) {
                out.add(new AxisLabel(y, t.label()));
                keptTop = y - above;
            }
        }
        return out;
    }

    /** Grid positions: every tick, labelled or not. */
    static List<Double> pixels(Scale scale) {
        List<Double> out = new ArrayList<>();
        for (Tick t : scale.ticks()) {
            out.add(scale.toPixel(t.value()));
        }
        return out;
    }

    static double widest(List<AxisLabel> labels) {
        double w = 0;
        for (AxisLabel l : labels) {
            w = Math.max(w, Fonts.width(l.text(), Fonts.TICK, false));
        }
        return w;
    }
}
