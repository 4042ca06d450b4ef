package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.BarSeries;
import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.Background;
import dev.evalboard.chart.render.part.Bars;
import dev.evalboard.chart.render.part.BottomAxis;
import dev.evalboard.chart.render.part.ErrorBars;
import dev.evalboard.chart.render.part.ChartDocument;
import dev.evalboard.chart.render.part.ChartPart;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.Grid;
import dev.evalboard.chart.render.part.Hatching;
import dev.evalboard.chart.render.part.Labels;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.part.Legend;
import dev.evalboard.chart.render.part.Markers;
import dev.evalboard.chart.render.part.Title;
import dev.evalboard.chart.render.scale.LinearScale;
import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** Draws a grouped bar chart: one group per benchmark, one bar per model. */
public final class BarChartRenderer {

    private static final double PAD = 12;

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
        List<BarSeries> series = spec.series();

        String title = Checks.titleOrNull(spec.title(), Fonts.TITLE, true, width - 2 * PAD);
        String yTitle = Checks.titleOrNull(spec.yTitle(), Fonts.AXIS_TITLE, false, height - 2 * PAD);
        double top = title != null ? Title.height(true) : PAD;
        double belowPlot = BottomAxis.height(Fonts.CATEGORY, false);
        double bottom = height - PAD - belowPlot;
        double tickWidth = AxisLabels.widest(AxisLabels.left(BarLayout.valueScale(spec, bottom, top),
                Double.MAX_VALUE));
        double left = PAD + (yTitle != null ? Fonts.AXIS_TITLE + 8 : 0) + tickWidth + LeftAxis.LABEL_GAP;
        Rect plot = new Rect(left, top, Math.max(10, width - left - PAD - 4), bottom - top);

        List<Legend.Entry> legend = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        List<Integer> hatched = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            boolean highlighted = spec.highlight().contains(series.get(i).name());
            if (highlighted) {
                hatched.add(i);
            }
            fills.add(highlighted ? Hatching.fill(theme, i) : theme.seriesColour(i));
            names.add(Fonts.fit(series.get(i).name(), Fonts.LEGEND, false, Double.MAX_VALUE));
            legend.add(new Legend.Entry(Markers.square(fills.get(i)), names.get(i)));
        }
        ChartFrame frame = new ChartFrame(width, height, plot, 4, belowPlot);
        LegendPlacement.Result<BarLayout> laid = LegendPlacement.place(frame,
                area -> new BarLayout(spec, fills, area, tickWidth), legend, LEGEND_CORNERS, theme);
        BarLayout layout = laid.content();
        Rect area = layout.plot();
        String fittedYTitle = yTitle == null ? null : Fonts.fitWidth(yTitle, Fonts.AXIS_TITLE, false, area.height());

        List<ChartPart> parts = new ArrayList<>();
        parts.add(new Background(width, height, theme.background()));
        parts.add(new Grid(area, AxisLabels.pixels(layout.scale()), List.of()));
        parts.add(new LeftAxis(area, AxisLabels.left(layout.scale(), Double.MAX_VALUE), fittedYTitle,
                PAD + Fonts.AXIS_TITLE * 0.78));
        parts.add(new BottomAxis(area, layout.groupLabels(), Fonts.CATEGORY, null));
        parts.add(new Bars(layout.bars()));
        parts.add(new ErrorBars(layout.whiskers(), theme.text()));
        parts.add(new Labels("v c", laid.labels()));
        if (laid.legend() != null) {
            parts.add(laid.legend());
        }
        if (title != null) {
            parts.add(new Title(width / 2.0, title));
        }
        String name = title != null ? title : "Bar chart" + (yTitle != null ? " of " + yTitle : "");
        String description = describe(spec, yTitle, layout.scale(), names, laid);
        return new ChartDocument(width, height, theme, name, description).render(new Hatching(theme, hatched), parts);
    }

    /**
     * A text alternative listing every value, for screen readers; {@code names} are the legend's. A value that
     * cannot be drawn (not finite, or beyond 1e15 in magnitude) is named as left out instead of failing the chart.
     */
    private static String describe(BarChartSpec spec, String yTitle, LinearScale y, List<String> names,
                                   LegendPlacement.Result<BarLayout> laid) {
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
        Descriptions.layoutNotes(d, "value label", laid, !laid.content().whiskers().isEmpty());
        d.append('.');
        for (int g = 0; g < spec.groups().size(); g++) {
            d.append(' ').append(Fonts.fit(spec.groups().get(g), Fonts.CATEGORY, false, Double.MAX_VALUE)).append(':');
            String sep = " ";
            for (int i = 0; i < spec.series().size(); i++) {
                Double v = spec.series().get(i).values().get(g);
                d.append(sep).append(names.get(i)).append(' ').append(v == null ? "no result"
                        : Checks.drawable(v) ? Num.fixed(v, 1) : "left out");
                Double se = spec.series().get(i).stderrAt(g);
                if (spec.errorBars() && se != null && v != null && Checks.drawable(v)) {
                    d.append(" ± ").append(Num.fixed(BarLayout.Z95 * se, 1));
                }
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
            if (s.stderrs() != null) {
                Checks.stderrs("series '" + s.name() + "'", s.stderrs(), spec.groups().size());
            }
        }
        Checks.ordered("yMin", spec.yMin(), "yMax", spec.yMax());
    }
}
