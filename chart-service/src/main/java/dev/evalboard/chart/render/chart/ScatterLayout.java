package dev.evalboard.chart.render.chart;

import dev.evalboard.contract.Openness;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.PointLabelPlacer;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.AxisLabel;
import dev.evalboard.chart.render.part.BottomAxis;
import dev.evalboard.chart.render.part.ErrorBars;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.FrontierLine;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.part.Markers;
import dev.evalboard.chart.render.part.ScatterMarks;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.scale.Scale;
import dev.evalboard.chart.render.svg.Num;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scatter chart laid out in one plot area: markers, whiskers, frontier, the point labels to place, axis labels. */
final class ScatterLayout implements PlotContent {

    private static final double WHISKER_CAP = 6;

    private final Rect plot;
    private final Scale x;
    private final Scale y;
    private final List<ScatterPoint> points;
    private final Map<Openness, List<ScatterMarks.Mark>> byOpenness = new EnumMap<>(Openness.class);
    private final List<ScatterMarks.Mark> stars = new ArrayList<>();
    private final List<ErrorBars.Whisker> whiskers = new ArrayList<>();
    private final List<LabelRequest> labels = new ArrayList<>();
    private final Occupancy marks = new Occupancy();
    private final Occupancy soft = new Occupancy();
    private FrontierLine frontier;

    /**
     * @param selected the points the chart may draw (those outside fixed axis ends are left out here)
     * @param tickAllowance the width left of the plot for tick labels; a wider label narrows the plot
     */
    ScatterLayout(ScatterChartSpec spec, List<ScatterPoint> selected, Rect offered, double tickAllowance,
                  String frontierColour) {
        Scale yScale = ScatterScales.y(spec, selected, offered.bottom(), offered.y());
        double excess = AxisLabels.widest(AxisLabels.left(yScale, Double.MAX_VALUE)) - tickAllowance;
        this.plot = excess > 0 ? new Rect(offered.x() + excess, offered.y(), offered.width() - excess,
                offered.height()) : offered;
        this.y = yScale;
        this.x = ScatterScales.x(spec, selected, plot);
        this.points = selected.stream().filter(p -> ScatterScales.inside(x, p.x()) && ScatterScales.inside(y, p.y()))
                .toList();
        double[][] centres = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            ScatterPoint p = points.get(i);
            double[] c = {x.toPixel(p.x()), y.toPixel(p.y())};
            centres[i] = c;
            boolean star = spec.highlight().contains(p.name());
            ScatterMarks.Mark mark = new ScatterMarks.Mark(c[0], c[1], tooltip(spec, p));
            if (star) {
                stars.add(mark);
            } else {
                byOpenness.computeIfAbsent(p.openness(), o -> new ArrayList<>()).add(mark);
            }
            marks.add(Markers.bounds(c[0], c[1], star ? Markers.STAR_RADIUS : Markers.CIRCLE_RADIUS));
            if (spec.errorBars() && p.stderr() != null && p.stderr() > 0
                    && Checks.drawable(BarLayout.Z95 * p.stderr())) {
                double top = y.toPixel(clampY(p.y() + BarLayout.Z95 * p.stderr()));
                double bottom = y.toPixel(clampY(p.y() - BarLayout.Z95 * p.stderr()));
                Rect whisker = new Rect(c[0] - WHISKER_CAP / 2, top, WHISKER_CAP, bottom - top);
                whiskers.add(new ErrorBars.Whisker(whisker));
                marks.add(whisker);
            }
        }
        List<ScatterPoint> best = ScatterScales.frontier(spec, points);
        List<double[]> line = new ArrayList<>();
        for (ScatterPoint p : best) {
            line.add(new double[] {x.toPixel(p.x()), y.toPixel(p.y())});
        }
        Set<String> frontierModels = new HashSet<>();
        best.forEach(p -> frontierModels.add(p.name()));
        // A frontier of one model is no line: neither drawn nor named in the legend.
        if (spec.frontier() && line.size() >= 2) {
            frontier = new FrontierLine(line, frontierColour);
            frontier.occupy(soft);
        }
        requestLabels(spec, centres, frontierModels);
    }

    /** Highlighted models first, then the frontier, then the points farthest from the middle of the cloud. */
    private void requestLabels(ScatterChartSpec spec, double[][] centres, Set<String> frontierModels) {
        double mx = 0;
        double my = 0;
        for (double[] c : centres) {
            mx += c[0] / centres.length;
            my += c[1] / centres.length;
        }
        double cx = mx;
        double cy = my;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < centres.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> spec.highlight().contains(points.get(i).name()) ? 0
                        : frontierModels.contains(points.get(i).name()) ? 1 : 2)
                .thenComparingDouble(i -> -Math.max(Math.abs(centres[i][0] - cx) / plot.width(),
                        Math.abs(centres[i][1] - cy) / plot.height())));
        for (int i : order) {
            boolean star = spec.highlight().contains(points.get(i).name());
            String text = Fonts.fit(points.get(i).name(), Fonts.POINT, star, Double.MAX_VALUE);
            double r = star ? Markers.STAR_RADIUS : Markers.CIRCLE_RADIUS;
            double width = Fonts.width(text, Fonts.POINT, star);
            labels.add(new LabelRequest(text, Fonts.POINT, star ? "b" : null, false, PointLabelPlacer.candidates(
                    centres[i][0], centres[i][1], r, width, Fonts.boxHeight(Fonts.POINT))));
        }
    }

    private static String tooltip(ScatterChartSpec spec, ScatterPoint p) {
        String text = Fonts.fit(p.name(), Fonts.POINT, false, Double.MAX_VALUE) + ": x "
                + spec.xStyle().format(p.x(), NumberStyle.SHORTEST) + ", y "
                + Num.trimmed(p.y(), 2);
        return !spec.errorBars() || p.stderr() == null ? text
                : text + " ± " + Num.trimmed(BarLayout.Z95 * p.stderr(), 2);
    }

    private double clampY(double v) {
        return Math.max(y.domainMin(), Math.min(y.domainMax(), v));
    }

    /** Bottom tick labels, and left ones clear of the first bottom label where it reaches left of the plot. */
    List<AxisLabel> bottomLabels() {
        return AxisLabels.bottom(x);
    }

    List<AxisLabel> leftLabels() {
        List<AxisLabel> bottom = bottomLabels();
        double lowest = Double.MAX_VALUE;
        if (!bottom.isEmpty()) {
            AxisLabel first = bottom.get(0);
            double reach = first.position() - Fonts.width(first.text(), Fonts.TICK, false) / 2;
            if (reach < plot.x() - LeftAxis.LABEL_GAP) {
                lowest = Fonts.box(first.text(), Fonts.TICK, false, 0,
                        Fonts.baseline(plot.bottom() + BottomAxis.LABEL_GAP, Fonts.TICK), 0).y();
            }
        }
        return AxisLabels.left(y, lowest);
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
        return soft;
    }

    @Override
    public List<LabelRequest> labels() {
        return labels;
    }

    Scale xScale() {
        return x;
    }

    Scale yScale() {
        return y;
    }

    List<ScatterPoint> points() {
        return points;
    }

    Map<Openness, List<ScatterMarks.Mark>> byOpenness() {
        return byOpenness;
    }

    List<ScatterMarks.Mark> stars() {
        return stars;
    }

    List<ErrorBars.Whisker> whiskers() {
        return whiskers;
    }

    FrontierLine frontier() {
        return frontier;
    }
}
