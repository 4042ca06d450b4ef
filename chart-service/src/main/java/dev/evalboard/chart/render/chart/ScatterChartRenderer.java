package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.PointLabelPlacer;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.AxisLabel;
import dev.evalboard.chart.render.part.Background;
import dev.evalboard.chart.render.part.BottomAxis;
import dev.evalboard.chart.render.part.ChartDocument;
import dev.evalboard.chart.render.part.ChartPart;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.FrontierLine;
import dev.evalboard.chart.render.part.Grid;
import dev.evalboard.chart.render.part.Labels;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.part.Legend;
import dev.evalboard.chart.render.part.Markers;
import dev.evalboard.chart.render.part.NoData;
import dev.evalboard.chart.render.part.PlacedText;
import dev.evalboard.chart.render.part.ScatterMarks;
import dev.evalboard.chart.render.part.Title;
import dev.evalboard.chart.render.scale.LinearScale;
import dev.evalboard.chart.render.scale.LogScale;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.scale.Scale;
import dev.evalboard.chart.render.scale.Tick;
import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.contract.Openness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Draws models as labelled points, coloured by openness, with an optional Pareto frontier. */
public final class ScatterChartRenderer {

    private static final double PAD = 12;
    /** Share of the y data range added above and below, so no point sits on the plot edge. */
    private static final double Y_PAD = 0.06;

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
        String xTitle = Checks.titleOrNull(spec.xTitle(), Fonts.AXIS_TITLE, false, width - 2 * PAD);
        String yTitle = Checks.titleOrNull(spec.yTitle(), Fonts.AXIS_TITLE, false, height - 2 * PAD);
        double top = title != null ? Title.height(true) : PAD;
        double bottom = height - PAD - BottomAxis.height(Fonts.TICK, xTitle != null);
        Scale y = yScale(spec, selected, bottom, top);
        double tickWidth = 0;
        for (Tick t : y.ticks()) {
            tickWidth = Math.max(tickWidth, Fonts.width(t.label(), Fonts.TICK, false));
        }
        double left = PAD + (yTitle != null ? Fonts.AXIS_TITLE + 8 : 0) + tickWidth + 6;
        // Room for half of a tick label centred on the right edge.
        double right = width - PAD - 16;
        Rect plot = new Rect(left, top, Math.max(10, right - left), bottom - top);
        Scale x = xScale(spec, selected, plot);
        // Fixed axis ends may leave points outside; those are not drawn (the description counts them).
        List<ScatterPoint> points = selected.stream().filter(p -> inside(x, p.x()) && inside(y, p.y())).toList();

        Occupancy occupancy = new Occupancy();
        Map<Openness, List<double[]>> byOpenness = new EnumMap<>(Openness.class);
        List<double[]> stars = new ArrayList<>();
        double[][] centres = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            ScatterPoint p = points.get(i);
            double[] c = {x.toPixel(p.x()), y.toPixel(p.y())};
            centres[i] = c;
            boolean star = spec.highlight().contains(p.name());
            if (star) {
                stars.add(c);
            } else {
                byOpenness.computeIfAbsent(p.openness(), o -> new ArrayList<>()).add(c);
            }
            occupancy.add(Markers.bounds(c[0], c[1], star ? Markers.STAR_RADIUS : Markers.CIRCLE_RADIUS));
        }

        FrontierLine frontier = null;
        if (spec.frontier()) {
            List<double[]> line = new ArrayList<>();
            for (ScatterPoint p : frontierOf(spec, points)) {
                line.add(new double[] {x.toPixel(p.x()), y.toPixel(p.y())});
            }
            // A frontier of one model is no line: neither drawn nor named in the legend.
            if (line.size() >= 2) {
                frontier = new FrontierLine(line, theme.mutedText());
                frontier.occupy(occupancy);
            }
        }

        List<PlacedText> labels = placeLabels(spec, points, centres, plot, occupancy);

        List<ScatterMarks.CircleGroup> circles = new ArrayList<>();
        for (Map.Entry<Openness, List<double[]>> e : byOpenness.entrySet()) {
            circles.add(new ScatterMarks.CircleGroup(fillOf(theme, e.getKey()), e.getValue()));
        }
        List<Legend.Entry> legend = legendEntries(spec, byOpenness.keySet(), !stars.isEmpty(), frontier != null);

        List<ChartPart> parts = new ArrayList<>();
        parts.add(new Background(width, height, theme.background()));
        parts.add(new Grid(plot, pixels(y), pixels(x)));
        parts.add(new LeftAxis(plot, axisLabels(y), yTitle, PAD + Fonts.AXIS_TITLE * 0.78));
        parts.add(new BottomAxis(plot, axisLabels(x), Fonts.TICK, xTitle));
        if (points.isEmpty()) {
            parts.add(new NoData(plot));
        }
        if (frontier != null) {
            parts.add(frontier);
        }
        parts.add(new ScatterMarks(circles, stars, theme.markStroke(), theme.highlight()));
        parts.add(new Labels(null, labels));
        parts.add(new Legend(legend, theme, plot, occupancy, LEGEND_CORNERS));
        if (title != null) {
            parts.add(new Title(width / 2.0, title));
        }
        String name = title != null ? title : "Scatter chart"
                + (yTitle != null && xTitle != null ? " of " + yTitle + " against " + xTitle : "");
        return new ChartDocument(width, height, theme, name, selection.describe(spec, points.size()))
                .render(svg -> { }, parts);
    }

    /** One entry per openness drawn, then the stars' own entry, then the frontier. */
    private static List<Legend.Entry> legendEntries(ScatterChartSpec spec, Set<Openness> drawn, boolean stars,
                                                    boolean frontier) {
        Theme theme = spec.theme();
        List<Legend.Entry> legend = new ArrayList<>();
        for (Openness openness : drawn) {
            legend.add(new Legend.Entry(Markers.dot(fillOf(theme, openness), theme.markStroke()), openness.legendLabel()));
        }
        if (stars) {
            String label = Checks.notBlankOrNull(spec.highlightLabel()) == null ? "Highlighted" : spec.highlightLabel();
            legend.add(new Legend.Entry(Markers.star(theme.highlight(), theme.markStroke()),
                    Fonts.fit(label, Fonts.LEGEND, false, Double.MAX_VALUE)));
        }
        if (frontier) {
            legend.add(new Legend.Entry(Markers.line(theme.mutedText()), "Pareto frontier"));
        }
        return legend;
    }

    private static boolean inside(Scale scale, double v) {
        double slack = (scale.domainMax() - scale.domainMin()) * 1e-9;
        return v >= scale.domainMin() - slack && v <= scale.domainMax() + slack;
    }

    private static List<ScatterPoint> frontierOf(ScatterChartSpec spec, List<ScatterPoint> points) {
        if (spec.frontierModels() == null) {
            return ParetoFrontier.of(points, spec.higherIsBetter());
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

    /** Highlighted models are labelled first, so they get the best positions. */
    private static List<PlacedText> placeLabels(ScatterChartSpec spec, List<ScatterPoint> points, double[][] centres,
                                                Rect plot, Occupancy occupancy) {
        PointLabelPlacer placer = new PointLabelPlacer(plot, occupancy);
        List<PlacedText> labels = new ArrayList<>();
        for (boolean highlightedPass : new boolean[] {true, false}) {
            for (int i = 0; i < centres.length; i++) {
                ScatterPoint p = points.get(i);
                if (spec.highlight().contains(p.name()) != highlightedPass) {
                    continue;
                }
                String text = Fonts.fit(p.name(), Fonts.POINT, highlightedPass, Double.MAX_VALUE);
                double w = Fonts.width(text, Fonts.POINT, highlightedPass);
                double r = highlightedPass ? Markers.STAR_RADIUS : Markers.CIRCLE_RADIUS;
                Rect box = placer.place(centres[i][0], centres[i][1], r, w, Fonts.POINT);
                labels.add(new PlacedText(box.x(), Fonts.baseline(box.y(), Fonts.POINT),
                        highlightedPass ? "b" : null, text));
            }
        }
        return labels;
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

    private static Scale yScale(ScatterChartSpec spec, List<ScatterPoint> points, double bottom, double top) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScatterPoint p : points) {
            min = Math.min(min, p.y());
            max = Math.max(max, p.y());
        }
        if (points.isEmpty()) {
            min = 0;
            max = 1;
        }
        double pad = (max - min) * Y_PAD;
        int ticks = (int) Math.max(3, Math.min(10, (bottom - top) / 50));
        return new LinearScale(min - pad, max + pad, spec.yMin(), spec.yMax(), bottom, top, ticks, NumberStyle.PLAIN);
    }

    private static Scale xScale(ScatterChartSpec spec, List<ScatterPoint> points, Rect plot) {
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

    private static List<Double> pixels(Scale scale) {
        List<Double> out = new ArrayList<>();
        for (Tick t : scale.ticks()) {
            out.add(scale.toPixel(t.value()));
        }
        return out;
    }

    private static List<AxisLabel> axisLabels(Scale scale) {
        List<AxisLabel> out = new ArrayList<>();
        for (Tick t : scale.ticks()) {
            out.add(new AxisLabel(scale.toPixel(t.value()), t.label()));
        }
        return out;
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
    }
}
