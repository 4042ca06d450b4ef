package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.layout.LabelPlacer;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.Legend;
import dev.evalboard.chart.render.part.PlacedText;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lays out the legend and the labels together. The legend takes the first preferred corner of the plot that covers
 * no mark and costs no label; else it goes outside the plot (right, or below on narrow charts) and the plot shrinks
 * to make room; when even that leaves too small a plot, it is left out (and the description says so).
 */
final class LegendPlacement {

    /** The laid-out chart: {@code legend} is null when there is none. */
    record Result<C extends PlotContent>(C content, Legend legend, List<PlacedText> labels, int labelsLeftOut,
                                         boolean legendLeftOut) {
    }

    private record Placed(List<PlacedText> texts, List<Rect> boxes, int leftOut) {
    }

    private static final double GAP = 10;
    /** The canvas margin an outside legend keeps. */
    private static final double EDGE = 8;
    /** An outside legend may take the plot down to this share of its size, and no smaller. */
    private static final double MIN_PLOT_SHARE = 0.4;
    private static final double MIN_PLOT_PIXELS = 50;

    private LegendPlacement() {
    }

    static <C extends PlotContent> Result<C> place(ChartFrame frame, Function<Rect, C> contentFor,
                                                   List<Legend.Entry> entries, List<Legend.Corner> corners,
                                                   Theme theme) {
        C content = contentFor.apply(frame.plot());
        Placed free = placeLabels(content, null);
        if (entries.isEmpty()) {
            return new Result<>(content, null, free.texts(), free.leftOut(), false);
        }
        Rect plot = content.plot();
        double[] size = Legend.size(entries, 1);
        List<Rect> clearOfMarks = new ArrayList<>();
        for (Legend.Corner corner : corners) {
            Rect box = Legend.inCorner(plot, corner, size[0], size[1]);
            boolean fits = size[0] <= plot.width() - 2 * Legend.INSET && size[1] <= plot.height() - 2 * Legend.INSET;
            if (fits && !content.marks().intersects(box) && !content.soft().intersects(box)) {
                clearOfMarks.add(box);
            }
        }
        for (Rect box : clearOfMarks) {
            if (free.boxes().stream().noneMatch(label -> label.overlap(box) > 0)) {
                return new Result<>(content, new Legend(entries, theme, box, 1), free.texts(), free.leftOut(), false);
            }
        }
        for (Rect box : clearOfMarks) {
            Placed around = placeLabels(content, box);
            if (around.leftOut() == free.leftOut()) {
                return new Result<>(content, new Legend(entries, theme, box, 1), around.texts(), around.leftOut(),
                        false);
            }
        }
        Result<C> first = frame.narrow() ? below(frame, contentFor, entries, theme)
                : right(frame, contentFor, entries, theme);
        Result<C> outside = first != null ? first : frame.narrow() ? right(frame, contentFor, entries, theme)
                : below(frame, contentFor, entries, theme);
        return outside != null ? outside : new Result<>(content, null, free.texts(), free.leftOut(), true);
    }

    private static <C extends PlotContent> Result<C> right(ChartFrame frame, Function<Rect, C> contentFor,
                                                           List<Legend.Entry> entries, Theme theme) {
        Rect plot = frame.plot();
        List<Legend.Entry> fitted = fitted(entries, 0.3 * frame.width() - Legend.chrome());
        double[] size = Legend.size(fitted, 1);
        double plotWidth = plot.width() - size[0] - GAP;
        if (size[1] > plot.height() || !bigEnough(plotWidth, plot.width())) {
            return null;
        }
        Rect legendBox = new Rect(plot.right() + frame.rightClearance() - size[0], plot.y(), size[0], size[1]);
        C content = contentFor.apply(new Rect(plot.x(), plot.y(), plotWidth, plot.height()));
        Placed placed = placeLabels(content, null);
        return new Result<>(content, new Legend(fitted, theme, legendBox, 1), placed.texts(), placed.leftOut(), false);
    }

    private static <C extends PlotContent> Result<C> below(ChartFrame frame, Function<Rect, C> contentFor,
                                                           List<Legend.Entry> entries, Theme theme) {
        Rect plot = frame.plot();
        double available = frame.width() - 2 * EDGE;
        List<Legend.Entry> fitted = fitted(entries, available - Legend.chrome());
        int columns = fitted.size();
        double[] size = Legend.size(fitted, columns);
        while (columns > 1 && size[0] > available) {
            columns--;
            size = Legend.size(fitted, columns);
        }
        double plotHeight = plot.height() - size[1] - GAP;
        if (size[0] > available || !bigEnough(plotHeight, plot.height())) {
            return null;
        }
        Rect plotLeft = new Rect(plot.x(), plot.y(), plot.width(), plotHeight);
        Rect legendBox = new Rect((frame.width() - size[0]) / 2, plotLeft.bottom() + frame.belowPlot() + GAP,
                size[0], size[1]);
        C content = contentFor.apply(plotLeft);
        Placed placed = placeLabels(content, null);
        return new Result<>(content, new Legend(fitted, theme, legendBox, columns), placed.texts(), placed.leftOut(),
                false);
    }

    private static boolean bigEnough(double pixels, double before) {
        return pixels >= MIN_PLOT_PIXELS && pixels >= MIN_PLOT_SHARE * before;
    }

    private static List<Legend.Entry> fitted(List<Legend.Entry> entries, double maxTextWidth) {
        List<Legend.Entry> out = new ArrayList<>(entries.size());
        for (Legend.Entry e : entries) {
            out.add(new Legend.Entry(e.swatch(), Fonts.fit(e.label(), Fonts.LEGEND, false, maxTextWidth)));
        }
        return out;
    }

    /** Places the content's labels, most telling first, clear of its marks and of the legend box if given. */
    private static Placed placeLabels(PlotContent content, Rect legendBox) {
        Occupancy taken = new Occupancy();
        taken.addAll(content.marks());
        if (legendBox != null) {
            taken.add(legendBox);
        }
        LabelPlacer placer = new LabelPlacer(content.plot(), taken, content.soft());
        List<PlacedText> texts = new ArrayList<>();
        List<Rect> boxes = new ArrayList<>();
        int leftOut = 0;
        for (LabelRequest request : content.labels()) {
            Rect box = placer.place(request.candidates());
            if (box == null) {
                leftOut++;
            } else {
                texts.add(request.at(box));
                boxes.add(box);
            }
        }
        return new Placed(texts, boxes, leftOut);
    }
}
