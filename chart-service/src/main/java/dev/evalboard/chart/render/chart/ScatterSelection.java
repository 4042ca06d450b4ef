package dev.evalboard.chart.render.chart;

import dev.evalboard.contract.pareto.ParetoFrontier;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.svg.Num;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The points a scatter chart draws, in the order given. A point it cannot draw (a coordinate that is not finite or
 * is beyond what the tick arithmetic handles, or x at or below 0 on a log axis) is left out rather than failing the
 * chart. Past the point limit, the highlighted models and the frontier are kept, then a sample of the rest: the
 * points whose names hash lowest, so the same data always gives the same chart and one more model changes the
 * sample by at most one point. Both are counted for the chart's description.
 */
record ScatterSelection(List<ScatterPoint> points, int undrawable, int sampledOut) {

    static ScatterSelection of(ScatterChartSpec spec, int maxPoints) {
        List<ScatterPoint> drawable = new ArrayList<>(spec.points().size());
        for (ScatterPoint p : spec.points()) {
            if (Checks.drawable(p.x()) && Checks.drawable(p.y()) && (!spec.logX() || p.x() > 0)) {
                drawable.add(p);
            }
        }
        int undrawable = spec.points().size() - drawable.size();
        if (drawable.size() <= maxPoints) {
            return new ScatterSelection(drawable, undrawable, 0);
        }
        Set<String> frontier = spec.frontierModels() != null ? spec.frontierModels()
                : ParetoFrontier.split(drawable, ScatterPoint::x, ScatterPoint::y, spec.higherIsBetter()).frontier()
                        .stream().map(ScatterPoint::name).collect(Collectors.toSet());
        long[] rank = new long[drawable.size()];
        for (int i = 0; i < rank.length; i++) {
            String name = drawable.get(i).name();
            int group = spec.highlight().contains(name) ? 0 : frontier.contains(name) ? 1 : 2;
            // The group above the name's hash, the sign bit clear: kept points are the lowest ranks.
            rank[i] = ((long) group << 61) | (hash(name) >>> 3);
        }
        Integer[] order = new Integer[rank.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> rank[i]).thenComparingInt(i -> i));
        boolean[] kept = new boolean[rank.length];
        for (int k = 0; k < maxPoints; k++) {
            kept[order[k]] = true;
        }
        List<ScatterPoint> sample = new ArrayList<>(maxPoints);
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                sample.add(drawable.get(i));
            }
        }
        return new ScatterSelection(sample, undrawable, drawable.size() - maxPoints);
    }

    /** A text alternative listing every point drawn and counting those that are not, for screen readers. */
    /** @param layoutNotes what the layout left out, as {@link Descriptions#layoutNotes} words it */
    String describe(ScatterChartSpec spec, int shown, String layoutNotes) {
        StringBuilder d = new StringBuilder("Scatter chart of ").append(spec.points().size()).append(" models");
        if (undrawable > 0) {
            d.append(", ").append(undrawable).append(" left out because their values cannot be drawn");
        }
        if (sampledOut > 0) {
            d.append(", ").append(points.size()).append(" drawn (the frontier, the highlighted models and "
                    + "a fixed sample of the rest), ").append(sampledOut).append(" not drawn");
        }
        if (shown < points.size()) {
            d.append(", ").append(points.size() - shown).append(" outside the axis range not shown");
        }
        if (spec.logX()) {
            d.append(", logarithmic x axis");
        }
        d.append(layoutNotes).append('.');
        for (ScatterPoint p : points) {
            d.append(' ').append(Fonts.fit(p.name(), Fonts.POINT, false, Double.MAX_VALUE)).append(": x ")
                    .append(spec.xStyle().format(p.x(), NumberStyle.SHORTEST)).append(", y ")
                    .append(Num.trimmed(p.y(), 2));
            if (spec.errorBars() && p.stderr() != null) {
                d.append(" ± ").append(Num.trimmed(BarLayout.Z95 * p.stderr(), 2));
            }
            if (spec.highlight().contains(p.name())) {
                d.append(" (highlighted)");
            }
            d.append('.');
        }
        return d.toString();
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser so that similar names spread evenly. */
    private static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
