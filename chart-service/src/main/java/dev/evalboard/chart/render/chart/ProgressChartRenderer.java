package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.ProgressChartSpec;
import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.AxisLabel;
import dev.evalboard.chart.render.part.Background;
import dev.evalboard.chart.render.part.BottomAxis;
import dev.evalboard.chart.render.part.ChartDocument;
import dev.evalboard.chart.render.part.ChartPart;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.Grid;
import dev.evalboard.chart.render.part.Labels;
import dev.evalboard.chart.render.part.LeftAxis;
import dev.evalboard.chart.render.part.Legend;
import dev.evalboard.chart.render.part.NoData;
import dev.evalboard.chart.render.part.PlacedText;
import dev.evalboard.chart.render.part.ProgressMarks;
import dev.evalboard.chart.render.part.Title;
import dev.evalboard.chart.render.scale.LinearScale;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.scale.Scale;
import dev.evalboard.chart.render.scale.Tick;
import dev.evalboard.chart.render.scale.TimeScale;
import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the best score over time as a step line through the runs that set a new best, each step labelled with its
 * model, and the other runs as faint points. A label that fits nowhere free is left out, as is a legend that would
 * cover a mark; the description counts both.
 */
public final class ProgressChartRenderer {

    private static final double PAD = 12;
    private static final double Y_PAD = 0.06;

    private final ChartLimits limits;

    public ProgressChartRenderer(ChartLimits limits) {
        this.limits = limits;
    }

    public String render(ProgressChartSpec spec) {
        limits.checkSize(spec.width(), spec.height());
        Checks.ordered("yMin", spec.yMin(), "yMax", spec.yMax());
        ProgressSelection selection = ProgressSelection.of(spec, limits.maxPoints());
        Theme theme = spec.theme();
        int width = spec.width();
        int height = spec.height();

        String title = Checks.titleOrNull(spec.title(), Fonts.TITLE, true, width - 2 * PAD);
        String yTitle = Checks.titleOrNull(spec.yTitle(), Fonts.AXIS_TITLE, false, height - 2 * PAD);
        double top = title != null ? Title.height(true) : PAD;
        double bottom = height - PAD - BottomAxis.height(Fonts.TICK, false);
        Scale y = yScale(spec, selection.all(), bottom, top);
        double tickWidth = 0;
        for (Tick t : y.ticks()) {
            tickWidth = Math.max(tickWidth, Fonts.width(t.label(), Fonts.TICK, false));
        }
        double left = PAD + (yTitle != null ? Fonts.AXIS_TITLE + 8 : 0) + tickWidth + 6;
        // Room for most of a date label centred on the last tick.
        double right = width - PAD - 24;
        Rect plot = new Rect(left, top, Math.max(10, right - left), bottom - top);
        Scale x = xScale(selection.all(), plot, width);
        List<ProgressPoint> steps = selection.inside(selection.steps(), y);
        List<ProgressPoint> runs = selection.inside(selection.runs(), y);

        List<ProgressMarks.Mark> stepMarks = marks(steps, x, y);
        double lineEnd = x.toPixel(selection.latestSeconds());
        ProgressMarks marks = new ProgressMarks(stepMarks, marks(runs, x, y), Math.max(lineEnd, plot.x()),
                theme.seriesColour(0), theme.mutedText(), theme.markStroke());
        Occupancy occupancy = new Occupancy();
        marks.occupy(occupancy);
        List<PlacedText> labels = StepLabels.place(steps, stepMarks, plot, occupancy);

        Legend legend = runs.isEmpty() ? null : legend(theme, plot, occupancy, selection.higherIsBetter());
        List<ChartPart> parts = new ArrayList<>();
        parts.add(new Background(width, height, theme.background()));
        parts.add(new Grid(plot, pixels(y), pixels(x)));
        parts.add(new LeftAxis(plot, axisLabels(y), yTitle, PAD + Fonts.AXIS_TITLE * 0.78));
        parts.add(new BottomAxis(plot, axisLabels(x), Fonts.TICK, null));
        if (steps.isEmpty() && runs.isEmpty()) {
            parts.add(new NoData(plot));
        }
        parts.add(marks);
        parts.add(new Labels(null, labels));
        if (legend != null) {
            parts.add(legend);
        }
        if (title != null) {
            parts.add(new Title(width / 2.0, title));
        }
        String name = title != null ? title : "Progress chart" + (yTitle != null ? " of " + yTitle : "");
        String description = selection.describe(steps, runs, steps.size() - labels.size(),
                !runs.isEmpty() && legend == null);
        return new ChartDocument(width, height, theme, name, description).render(svg -> { }, parts);
    }

    /** In the corners the line leaves empty (it climbs when higher is better), or none: a legend never covers. */
    private static Legend legend(Theme theme, Rect plot, Occupancy occupancy, boolean higherIsBetter) {
        List<Legend.Corner> corners = higherIsBetter
                ? List.of(Legend.Corner.BOTTOM_RIGHT, Legend.Corner.TOP_LEFT, Legend.Corner.TOP_RIGHT,
                        Legend.Corner.BOTTOM_LEFT)
                : List.of(Legend.Corner.TOP_RIGHT, Legend.Corner.BOTTOM_LEFT, Legend.Corner.BOTTOM_RIGHT,
                        Legend.Corner.TOP_LEFT);
        String line = theme.seriesColour(0);
        List<Legend.Entry> entries = List.of(
                new Legend.Entry((svg, cx, cy) -> svg.open("path").attr("d", "M" + Num.coord(cx - 7) + " "
                        + Num.coord(cy) + "h14").attr("stroke", line).attr("stroke-width", 2).close(), "Best so far"),
                new Legend.Entry((svg, cx, cy) -> svg.open("circle").attr("cx", cx).attr("cy", cy)
                        .attr("r", ProgressMarks.RUN_RADIUS).attr("fill", theme.mutedText())
                        .attr("fill-opacity", 0.35).close(), "Other runs"));
        double[] size = Legend.size(entries, 1);
        for (Legend.Corner corner : corners) {
            Rect box = Legend.inCorner(plot, corner, size[0], size[1]);
            if (StepLabels.free(box, plot, occupancy)) {
                return new Legend(entries, theme, box, 1);
            }
        }
        return null;
    }

    private static List<ProgressMarks.Mark> marks(List<ProgressPoint> points, Scale x, Scale y) {
        List<ProgressMarks.Mark> out = new ArrayList<>();
        for (ProgressPoint p : points) {
            out.add(new ProgressMarks.Mark(x.toPixel(p.evaluatedAt().getEpochSecond()), y.toPixel(p.score()),
                    ProgressSelection.tooltip(p)));
        }
        return out;
    }

    private static Scale yScale(ProgressChartSpec spec, List<ProgressPoint> points, double bottom, double top) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ProgressPoint p : points) {
            min = Math.min(min, p.score());
            max = Math.max(max, p.score());
        }
        if (points.isEmpty()) {
            min = 0;
            max = 1;
        }
        double pad = (max - min) * Y_PAD;
        int ticks = (int) Math.max(3, Math.min(10, (bottom - top) / 50));
        return new LinearScale(min - pad, max + pad, spec.yMin(), spec.yMax(), bottom, top, ticks, NumberStyle.PLAIN);
    }

    private static Scale xScale(List<ProgressPoint> points, Rect plot, int width) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ProgressPoint p : points) {
            min = Math.min(min, p.evaluatedAt().getEpochSecond());
            max = Math.max(max, p.evaluatedAt().getEpochSecond());
        }
        if (points.isEmpty()) {
            min = 0;
            max = 0;
        }
        return new TimeScale(min, max, plot.x(), plot.right(), plot.x(), width - PAD,
                label -> Fonts.width(label, Fonts.TICK, false));
    }

    private static List<Double> pixels(Scale scale) {
        return scale.ticks().stream().map(t -> scale.toPixel(t.value())).toList();
    }

    private static List<AxisLabel> axisLabels(Scale scale) {
        return scale.ticks().stream().map(t -> new AxisLabel(scale.toPixel(t.value()), t.label())).toList();
    }
}
