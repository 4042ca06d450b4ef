package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.Background;
import dev.evalboard.chart.render.part.BottomAxis;
import dev.evalboard.chart.render.part.ChartDocument;
import dev.evalboard.chart.render.part.ChartPart;
import dev.evalboard.chart.render.part.ErrorBars;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.Grid;
import dev.evalboard.chart.render.part.Labels;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.part.Legend;
import dev.evalboard.chart.render.part.Markers;
import dev.evalboard.chart.render.part.NoData;
import dev.evalboard.chart.render.part.ScatterMarks;
import dev.evalboard.chart.render.part.Title;
import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.contract.Openness;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Draws models as labelled points, coloured by openness, with an optional Pareto frontier. */
public final class ScatterChartRenderer {

    private static final double PAD = 12;
    /** Room for half of a tick label centred on the plot's right edge. */
    private static final double RIGHT_CLEARANCE = 16;

    /** Big models tend to score high, so the bottom-right is most often empty. */
    private static final List<Legend.Corner> LEGEND_CORNERS = List.of(Legend.Corner.BOTTOM_RIGHT,
            Legend.Corner.TOP_RIGHT, Legend.Corner.BOTTOM_LEFT, Legend.Corner.TOP_LEFT);

    private final ChartLimits limits;

    public ScatterChartRenderer(ChartLimits limits) {
        this.limits = limits;
    }

    public String render(ScatterChartSpec spec) {
        validate(spec);
        ScatterSelection selection = ScatterSelection.of(spec, limits.maxPoints());
        List<ScatterPoint> selected = selection.points();
        Theme theme = spec.theme();
        int width = spec.width();
        int height = spec.height();

        String title = Checks.titleOrNull(spec.title(), Fonts.TITLE, true, width - 2 * PAD);
        String xTitle = Checks.notBlankOrNull(spec.xTitle());
        String yTitle = Checks.notBlankOrNull(spec.yTitle());
        double top = title != null ? Title.height(true) : PAD;
        double belowPlot = BottomAxis.height(Fonts.TICK, xTitle != null);
        double bottom = height - PAD - belowPlot;
        double tickWidth = AxisLabels.widest(AxisLabels.left(ScatterScales.y(spec, selected, bottom, top),
                Double.MAX_VALUE));
        double left = PAD + (yTitle != null ? Fonts.AXIS_TITLE + 8 : 0) + tickWidth + LeftAxis.LABEL_GAP;
        double right = width - PAD - RIGHT_CLEARANCE;
        Rect plot = new Rect(left, top, Math.max(10, right - left), bottom - top);
        ChartFrame frame = new ChartFrame(width, height, plot, RIGHT_CLEARANCE, belowPlot);
        List<Legend.Entry> legend = legendEntries(spec, selected);
        LegendPlacement.Result<ScatterLayout> laid = LegendPlacement.place(frame,
                area -> new ScatterLayout(spec, selected, area, tickWidth, theme.mutedText()), legend, LEGEND_CORNERS,
                theme);
        ScatterLayout layout = laid.content();
        Rect area = layout.plot();

        List<ScatterMarks.CircleGroup> circles = new ArrayList<>();
        for (Map.Entry<Openness, List<ScatterMarks.Mark>> e : layout.byOpenness().entrySet()) {
            circles.add(new ScatterMarks.CircleGroup(fillOf(theme, e.getKey()), e.getValue()));
        }
        List<ChartPart> parts = new ArrayList<>();
        parts.add(new Background(width, height, theme.background()));
        parts.add(new Grid(area, AxisLabels.pixels(layout.yScale()), AxisLabels.pixels(layout.xScale())));
        parts.add(new LeftAxis(area, layout.leftLabels(),
                yTitle == null ? null : Fonts.fitWidth(yTitle, Fonts.AXIS_TITLE, false, area.height()),
                PAD + Fonts.AXIS_TITLE * 0.78));
        parts.add(new BottomAxis(area, layout.bottomLabels(), Fonts.TICK,
                xTitle == null ? null : Fonts.fitWidth(xTitle, Fonts.AXIS_TITLE, false, area.width())));
        if (layout.points().isEmpty()) {
            parts.add(new NoData(area));
        }
        if (layout.frontier() != null) {
            parts.add(layout.frontier());
        }
        parts.add(new ErrorBars(layout.whiskers(), theme.mutedText()));
        parts.add(new ScatterMarks(circles, layout.stars(), theme.markStroke(), theme.highlight()));
        parts.add(new Labels(null, laid.labels()));
        if (laid.legend() != null) {
            parts.add(laid.legend());
        }
        if (title != null) {
            parts.add(new Title(width / 2.0, title));
        }
        String name = title != null ? title : "Scatter chart"
                + (yTitle != null && xTitle != null ? " of " + yTitle + " against " + xTitle : "");
        StringBuilder notes = new StringBuilder();
        Descriptions.layoutNotes(notes, "point label", laid, !layout.whiskers().isEmpty());
        return new ChartDocument(width, height, theme, name, selection.describe(spec, layout.points().size(),
                notes.toString())).render(svg -> { }, parts);
    }

    /**
     * One entry per openness drawn, then the stars' own entry, then the frontier. Taken from the points the chart
     * may draw, before layout, so the legend is the same wherever it goes.
     */
    private static List<Legend.Entry> legendEntries(ScatterChartSpec spec, List<ScatterPoint> selected) {
        Theme theme = spec.theme();
        Set<Openness> drawn = EnumSet.noneOf(Openness.class);
        boolean stars = false;
        for (ScatterPoint p : selected) {
            if (spec.highlight().contains(p.name())) {
                stars = true;
            } else {
                drawn.add(p.openness());
            }
        }
        List<Legend.Entry> legend = new ArrayList<>();
        for (Openness openness : drawn) {
            legend.add(new Legend.Entry(Markers.dot(fillOf(theme, openness), theme.markStroke()), openness.legendLabel()));
        }
        if (stars) {
            String label = Checks.notBlankOrNull(spec.highlightLabel()) == null ? "Highlighted" : spec.highlightLabel();
            legend.add(new Legend.Entry(Markers.star(theme.highlight(), theme.markStroke()),
                    Fonts.fit(label, Fonts.LEGEND, false, Double.MAX_VALUE)));
        }
        if (spec.frontier() && ScatterScales.frontier(spec, selected).size() >= 2) {
            legend.add(new Legend.Entry(Markers.line(theme.mutedText()), "Pareto frontier"));
        }
        return legend;
    }

    private static String fillOf(Theme theme, Openness openness) {
        switch (openness) {
            case OPEN_WEIGHTS:
                return theme.openWeights();
            case OPEN_WEIGHTS_OPEN_DATA:
                return theme.openData();
            case CLOSED:
                return theme.closed();
            default:
                return theme.unknownOpenness();
        }
    }

    private void validate(ScatterChartSpec spec) {
        limits.checkSize(spec.width(), spec.height());
        Checks.ordered("xMin", spec.xMin(), "xMax", spec.xMax());
        Checks.ordered("yMin", spec.yMin(), "yMax", spec.yMax());
        if (spec.logX() && spec.xMin() != null && spec.xMin() <= 0) {
            throw new ChartInputException("xMin", "a log x axis needs xMin > 0");
        }
        if (spec.logX() && spec.xMax() != null && spec.xMax() <= 0) {
            throw new ChartInputException("xMax", "a log x axis needs xMax > 0");
        }
        for (ScatterPoint p : spec.points()) {
            Checks.stderr("point '" + p.name() + "'", p.stderr());
        }
    }
}
