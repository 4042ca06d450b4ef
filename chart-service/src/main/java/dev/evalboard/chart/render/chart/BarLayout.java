package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.BarSeries;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.AxisLabel;
import dev.evalboard.chart.render.part.Bars;
import dev.evalboard.chart.render.part.ErrorBars;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.scale.LinearScale;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.text.TextFitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A grouped bar chart laid out in one plot area: bars, whiskers, the value labels to place, axis labels. */
final class BarLayout implements PlotContent {

    /** Share of a group's band taken by its bars; the rest separates groups. */
    private static final double GROUP_FILL = 0.8;
    /** z of a two-sided 95% interval: whiskers reach ±1.96 standard errors. */
    static final double Z95 = 1.96;

    private final Rect plot;
    private final LinearScale y;
    private final List<Bars.SeriesBars> bars = new ArrayList<>();
    private final List<ErrorBars.Whisker> whiskers = new ArrayList<>();
    private final List<LabelRequest> labels = new ArrayList<>();
    private final Occupancy marks = new Occupancy();
    private final List<AxisLabel> groupLabels = new ArrayList<>();

    /**
     * @param fills each series' fill, in order
     * @param tickAllowance the width left of the plot for tick labels; a wider label narrows the plot
     */
    BarLayout(BarChartSpec spec, List<String> fills, Rect offered, double tickAllowance) {
        LinearScale scale = valueScale(spec, offered.bottom(), offered.y());
        double excess = AxisLabels.widest(AxisLabels.left(scale, Double.MAX_VALUE)) - tickAllowance;
        this.plot = excess > 0 ? new Rect(offered.x() + excess, offered.y(), offered.width() - excess,
                offered.height()) : offered;
        this.y = scale;
        List<String> groups = spec.groups();
        List<BarSeries> series = spec.series();
        double band = plot.width() / groups.size();
        double barWidth = band * GROUP_FILL / series.size();
        double zero = y.toPixel(clamp(0));
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            List<Rect> rects = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                Double v = series.get(i).values().get(g);
                if (v == null || !Checks.drawable(v)) {
                    continue;
                }
                double x = plot.x() + g * band + band * (1 - GROUP_FILL) / 2 + i * barWidth;
                double end = y.toPixel(clamp(v));
                Rect bar = new Rect(x, Math.min(end, zero), barWidth, Math.abs(zero - end));
                rects.add(bar);
                marks.add(bar);
                Rect whisker = whisker(spec, series.get(i).stderrAt(g), v, x + barWidth / 2, barWidth);
                if (whisker != null) {
                    whiskers.add(new ErrorBars.Whisker(whisker));
                    marks.add(whisker);
                }
                double reach = whisker == null ? (v >= 0 ? bar.y() : bar.bottom())
                        : v >= 0 ? Math.min(bar.y(), whisker.y()) : Math.max(bar.bottom(), whisker.bottom());
                values.add(new double[] {i, g, v, x + barWidth / 2, reach});
            }
            bars.add(new Bars.SeriesBars(fills.get(i), rects));
        }
        if (spec.valueLabels()) {
            requestValueLabels(spec, values);
        }
        for (int g = 0; g < groups.size(); g++) {
            String text = Fonts.fit(groups.get(g), Fonts.CATEGORY, false, band - 4);
            // A band too narrow for even one letter and "…" gets no label: the description names every group.
            if (!text.equals(TextFitter.ELLIPSIS) && Fonts.width(text, Fonts.CATEGORY, false) <= band - 2) {
                groupLabels.add(new AxisLabel(plot.x() + (g + 0.5) * band, text));
            }
        }
    }

    /** Highlighted models first, then each benchmark's best and worst value, then the rest. */
    private void requestValueLabels(BarChartSpec spec, List<double[]> values) {
        double[] best = new double[spec.groups().size()];
        double[] worst = new double[spec.groups().size()];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        Arrays.fill(worst, Double.POSITIVE_INFINITY);
        for (double[] v : values) {
            best[(int) v[1]] = Math.max(best[(int) v[1]], v[2]);
            worst[(int) v[1]] = Math.min(worst[(int) v[1]], v[2]);
        }
        List<double[]> ordered = new ArrayList<>(values);
        ordered.sort(Comparator.comparingInt(v -> rank(spec, v, best, worst)));
        double h = Fonts.boxHeight(Fonts.VALUE);
        for (double[] v : ordered) {
            String text = Num.fixed(v[2], 1);
            double w = Fonts.width(text, Fonts.VALUE, false);
            double x = v[3] - w / 2;
            double reach = v[4];
            List<Rect> candidates = v[2] >= 0
                    ? List.of(new Rect(x, reach - h, w, h), new Rect(x, reach - 2 * h - 1, w, h))
                    : List.of(new Rect(x, reach, w, h), new Rect(x, reach + h + 1, w, h));
            labels.add(new LabelRequest(text, Fonts.VALUE, null, true, candidates));
        }
    }

    private static int rank(BarChartSpec spec, double[] v, double[] best, double[] worst) {
        if (spec.highlight().contains(spec.series().get((int) v[0]).name())) {
            return 0;
        }
        return v[2] == best[(int) v[1]] ? 1 : v[2] == worst[(int) v[1]] ? 2 : 3;
    }

    /** The whisker's box (cap width by interval), or null when there is none to draw. */
    private Rect whisker(BarChartSpec spec, Double stderr, double v, double centre, double barWidth) {
        if (!spec.errorBars() || stderr == null || !(stderr > 0) || !Checks.drawable(Z95 * stderr)) {
            return null;
        }
        double top = y.toPixel(clamp(v + Z95 * stderr));
        double bottom = y.toPixel(clamp(v - Z95 * stderr));
        double cap = Math.max(1, Math.min(8, barWidth * 0.6));
        return new Rect(centre - cap / 2, top, cap, bottom - top);
    }

    static LinearScale valueScale(BarChartSpec spec, double bottom, double top) {
        double min = 0;
        double max = 0;
        boolean any = false;
        for (BarSeries s : spec.series()) {
            for (int g = 0; g < s.values().size(); g++) {
                Double v = s.values().get(g);
                if (v != null && Checks.drawable(v)) {
                    Double se = spec.errorBars() ? s.stderrAt(g) : null;
                    double reach = se != null && Checks.drawable(Z95 * se) ? Z95 * se : 0;
                    min = Math.min(min, v - reach);
                    max = Math.max(max, v + reach);
                    any = true;
                }
            }
        }
        if (!any || max == min) {
            max = min + 1;
        }
        int ticks = (int) Math.max(3, Math.min(10, (bottom - top) / 50));
        LinearScale scale = new LinearScale(min, max, spec.yMin(), spec.yMax(), bottom, top, ticks, NumberStyle.PLAIN);
        if (!spec.valueLabels()) {
            return scale;
        }
        // Room for a value label beyond the longest bar, so the most telling label is not the one left out.
        double need = Fonts.boxHeight(Fonts.VALUE) + 1;
        double perUnit = (bottom - top) / (scale.domainMax() - scale.domainMin());
        double room = need / Math.max(1e-9, perUnit);
        boolean roomAbove = spec.yMax() != null || max <= 0 || scale.domainMax() - max >= room;
        boolean roomBelow = spec.yMin() != null || min >= 0 || min - scale.domainMin() >= room;
        if (roomAbove && roomBelow) {
            return scale;
        }
        return new LinearScale(roomBelow ? min : min - room, roomAbove ? max : max + room, spec.yMin(), spec.yMax(),
                bottom, top, ticks, NumberStyle.PLAIN);
    }

    private double clamp(double v) {
        return Math.max(y.domainMin(), Math.min(y.domainMax(), v));
    }

    @Override
    public Rect plot() {
        return plot;
    }

    @Override
    public Occupancy marks() {
        return marks;
    }

    @Override
    public Occupancy soft() {
        return new Occupancy();
    }

    @Override
    public List<LabelRequest> labels() {
        return labels;
    }

    LinearScale scale() {
        return y;
    }

    List<Bars.SeriesBars> bars() {
        return bars;
    }

    List<ErrorBars.Whisker> whiskers() {
        return whiskers;
    }

    List<AxisLabel> groupLabels() {
        return groupLabels;
    }
}
