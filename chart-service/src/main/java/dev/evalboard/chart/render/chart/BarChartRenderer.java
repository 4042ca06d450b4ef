package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.BarSeries;
import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.AxisLabel;
import dev.evalboard.chart.render.part.Background;
import dev.evalboard.chart.render.part.Bars;
import dev.evalboard.chart.render.part.BottomAxis;
import dev.evalboard.chart.render.part.ChartDocument;
import dev.evalboard.chart.render.part.ChartPart;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.Grid;
import dev.evalboard.chart.render.part.Hatching;
import dev.evalboard.chart.render.part.Labels;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.part.Legend;
import dev.evalboard.chart.render.part.Markers;
import dev.evalboard.chart.render.part.PlacedText;
import dev.evalboard.chart.render.part.Title;
import dev.evalboard.chart.render.scale.LinearScale;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.scale.Tick;
import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** Draws a grouped bar chart: one group per benchmark, one bar per model. */
public final class BarChartRenderer {

    private static final double PAD = 12;
    /** Share of a group's band taken by its bars; the rest separates groups. */
    private static final double GROUP_FILL = 0.8;
    private static final double VALUE_GAP = 3;

    /** Bars grow from the bottom, so the top corners are most often free. */
    private static final List<Legend.Corner> LEGEND_CORNERS = List.of(Legend.Corner.TOP_RIGHT,
            Legend.Corner.TOP_LEFT, Legend.Corner.BOTTOM_RIGHT, Legend.Corner.BOTTOM_LEFT);

    private final ChartLimits limits;

    public BarChartRenderer(ChartLimits limits) {
        this.limits = limits;
    }

    public String render(BarChartSpec spec) {
        validate(spec);
        Theme theme = spec.theme();
        int width = spec.width();
        int height = spec.height();
        List<String> groups = spec.groups();
        List<BarSeries> series = spec.series();

        String title = Checks.titleOrNull(spec.title(), Fonts.TITLE, true, width - 2 * PAD);
        String yTitle = Checks.titleOrNull(spec.yTitle(), Fonts.AXIS_TITLE, false, height - 2 * PAD);
        double top = title != null ? Title.height(true) : PAD;
        double bottom = height - PAD - BottomAxis.height(Fonts.CATEGORY, false);
        LinearScale y = valueScale(spec, bottom, top);

        double tickWidth = 0;
        for (Tick t : y.ticks()) {
            tickWidth = Math.max(tickWidth, Fonts.width(t.label(), Fonts.TICK, false));
        }
        double left = PAD + (yTitle != null ? Fonts.AXIS_TITLE + 8 : 0) + tickWidth + 6;
        Rect plot = new Rect(left, top, Math.max(10, width - left - PAD - 4), bottom - top);

        Occupancy occupancy = new Occupancy();
        double band = plot.width() / groups.size();
        double barWidth = band * GROUP_FILL / series.size();
        double zero = y.toPixel(clamp(0, y.domainMin(), y.domainMax()));
        List<Bars.SeriesBars> bars = new ArrayList<>();
        List<PlacedText> values = new ArrayList<>();
        List<Legend.Entry> legend = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> hatched = new ArrayList<>();
        double widestValue = 0;
        for (int i = 0; i < series.size(); i++) {
            BarSeries s = series.get(i);
            boolean highlighted = spec.highlight().contains(s.name());
            if (highlighted) {
                hatched.add(i);
            }
            String fill = highlighted ? Hatching.fill(theme, i) : theme.seriesColour(i);
            List<Rect> rects = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                Double v = s.values().get(g);
                if (v == null || !Checks.drawable(v)) {
                    continue;
                }
                double x = plot.x() + g * band + band * (1 - GROUP_FILL) / 2 + i * barWidth;
                double end = y.toPixel(clamp(v, y.domainMin(), y.domainMax()));
                Rect bar = new Rect(x, Math.min(end, zero), barWidth, Math.abs(zero - end));
                rects.add(bar);
                occupancy.add(bar);
                String text = Num.fixed(v, 1);
                widestValue = Math.max(widestValue, Fonts.width(text, Fonts.VALUE, false));
                double baseline = v >= 0 ? bar.y() - VALUE_GAP : bar.bottom() + VALUE_GAP + Fonts.VALUE * 0.78;
                values.add(new PlacedText(x + barWidth / 2, baseline, null, text));
            }
            bars.add(new Bars.SeriesBars(fill, rects));
            names.add(Fonts.fit(s.name(), Fonts.LEGEND, false, Double.MAX_VALUE));
            legend.add(new Legend.Entry(Markers.square(fill), names.get(i)));
        }
        // Value labels are drawn only when every one fits over its bar; a partial set would mislead.
        boolean showValues = spec.valueLabels() && widestValue <= barWidth + 2;
        if (showValues) {
            for (PlacedText t : values) {
                double w = Fonts.width(t.text(), Fonts.VALUE, false);
                occupancy.add(new Rect(t.x() - w / 2, t.baseline() - Fonts.VALUE * 0.78, w, Fonts.VALUE));
            }
        }

        List<AxisLabel> yLabels = new ArrayList<>();
        List<Double> gridAt = new ArrayList<>();
        for (Tick t : y.ticks()) {
            yLabels.add(new AxisLabel(y.toPixel(t.value()), t.label()));
            gridAt.add(y.toPixel(t.value()));
        }
        List<AxisLabel> groupLabels = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            groupLabels.add(new AxisLabel(plot.x() + (g + 0.5) * band,
                    Fonts.fit(groups.get(g), Fonts.CATEGORY, false, band - 4)));
        }

        List<ChartPart> parts = new ArrayList<>();
        parts.add(new Background(width, height, theme.background()));
        parts.add(new Grid(plot, gridAt, List.of()));
        parts.add(new LeftAxis(plot, yLabels, yTitle, PAD + Fonts.AXIS_TITLE * 0.78));
        parts.add(new BottomAxis(plot, groupLabels, Fonts.CATEGORY, null));
        parts.add(new Bars(bars));
        if (showValues) {
            parts.add(new Labels("v c", values));
        }
        parts.add(new Legend(legend, theme, plot, occupancy, LEGEND_CORNERS));
        if (title != null) {
            parts.add(new Title(width / 2.0, title));
        }
        String name = title != null ? title : "Bar chart" + (yTitle != null ? " of " + yTitle : "");
        return new ChartDocument(width, height, theme, name, describe(spec, yTitle, y, names))
                .render(new Hatching(theme, hatched), parts);
    }

    private static LinearScale valueScale(BarChartSpec spec, double bottom, double top) {
        double min = 0;
        double max = 0;
        boolean any = false;
        for (BarSeries s : spec.series()) {
            for (Double v : s.values()) {
                if (v != null && Checks.drawable(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    any = true;
                }
            }
        }
        if (!any || max == min) {
            max = min + 1;
        }
        int ticks = (int) Math.max(3, Math.min(10, (bottom - top) / 50));
        return new LinearScale(min, max, spec.yMin(), spec.yMax(), bottom, top, ticks, NumberStyle.PLAIN);
    }

    /**
     * A text alternative listing every value, for screen readers; {@code names} are the legend's. A value that
     * cannot be drawn (not finite, or beyond 1e15 in magnitude) is named as left out instead of failing the chart.
     */
    private static String describe(BarChartSpec spec, String yTitle, LinearScale y, List<String> names) {
        StringBuilder d = new StringBuilder(256).append("Grouped bar chart");
        if (yTitle != null) {
            d.append(" of ").append(yTitle);
        }
        d.append(": ").append(spec.series().size()).append(" models on ").append(spec.groups().size())
                .append(" benchmarks, axis from ").append(Num.trimmed(y.domainMin(), 2)).append(" to ")
                .append(Num.trimmed(y.domainMax(), 2));
        long undrawable = spec.series().stream().flatMap(s -> s.values().stream())
                .filter(v -> v != null && !Checks.drawable(v)).count();
        if (undrawable > 0) {
            d.append(", ").append(undrawable).append(undrawable == 1 ? " value left out because it cannot be drawn"
                    : " values left out because they cannot be drawn");
        }
        d.append('.');
        for (int g = 0; g < spec.groups().size(); g++) {
            d.append(' ').append(Fonts.fit(spec.groups().get(g), Fonts.CATEGORY, false, Double.MAX_VALUE)).append(':');
            String sep = " ";
            for (int i = 0; i < spec.series().size(); i++) {
                Double v = spec.series().get(i).values().get(g);
                d.append(sep).append(names.get(i)).append(' ').append(v == null ? "no result"
                        : Checks.drawable(v) ? Num.fixed(v, 1) : "left out");
                sep = ", ";
            }
            d.append('.');
        }
        return d.toString();
    }

    private void validate(BarChartSpec spec) {
        limits.checkSize(spec.width(), spec.height());
        limits.checkCount("benchmarks", spec.groups().size(), 1, limits.maxGroups());
        limits.checkCount("models", spec.series().size(), 1, limits.maxSeries());
        for (BarSeries s : spec.series()) {
            if (s.values().size() != spec.groups().size()) {
                throw new ChartInputException("series", "series '" + s.name() + "' has " + s.values().size()
                        + " values for " + spec.groups().size() + " benchmarks");
            }
        }
        Checks.ordered("yMin", spec.yMin(), "yMax", spec.yMax());
    }


    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
