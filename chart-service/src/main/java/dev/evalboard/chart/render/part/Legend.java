package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.SvgWriter;
import dev.evalboard.chart.render.theme.Theme;
import java.util.List;

/** A boxed legend, its entries in one or more columns, filled row by row. */
public final class Legend implements ChartPart {

    /** A corner of the plot area. */
    public enum Corner { TOP_RIGHT, TOP_LEFT, BOTTOM_RIGHT, BOTTOM_LEFT }

    /** One legend row. */
    public record Entry(Swatch swatch, String label) {
    }

    private static final double PADDING = 8;
    private static final double ROW = 18;
    private static final double SWATCH = 12;
    private static final double SWATCH_GAP = 6;
    private static final double COLUMN_GAP = 14;
    /** Space kept between a legend in a corner and the plot's edges. */
    public static final double INSET = 8;

    private final List<Entry> entries;
    private final Theme theme;
    private final Rect box;
    private final int columns;

    /** @param box as {@link #size} gave it for these entries and columns */
    public Legend(List<Entry> entries, Theme theme, Rect box, int columns) {
        this.entries = entries;
        this.theme = theme;
        this.box = box;
        this.columns = columns;
    }

    /** Width and height of a legend of {@code entries} in {@code columns} columns. */
    public static double[] size(List<Entry> entries, int columns) {
        double textWidth = 0;
        for (Entry e : entries) {
            textWidth = Math.max(textWidth, Fonts.width(e.label(), Fonts.LEGEND, false));
        }
        int rows = (entries.size() + columns - 1) / columns;
        double w = 2 * PADDING + columns * (SWATCH + SWATCH_GAP + textWidth) + (columns - 1) * COLUMN_GAP;
        double h = 2 * PADDING + ROW * rows - (ROW - Fonts.boxHeight(Fonts.LEGEND));
        return new double[] {w, h};
    }

    /** Room a legend needs besides its labels' width. */
    public static double chrome() {
        return 2 * PADDING + SWATCH + SWATCH_GAP;
    }

    public static Rect inCorner(Rect plot, Corner corner, double w, double h) {
        boolean atRight = corner == Corner.TOP_RIGHT || corner == Corner.BOTTOM_RIGHT;
        boolean atTop = corner == Corner.TOP_RIGHT || corner == Corner.TOP_LEFT;
        return new Rect(atRight ? plot.right() - INSET - w : plot.x() + INSET,
                atTop ? plot.y() + INSET : plot.bottom() - INSET - h, w, h);
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.open("g").attr("class", "l");
        svg.open("rect").attr("x", box.x()).attr("y", box.y()).attr("width", box.width())
                .attr("height", box.height()).attr("rx", 3).attr("fill", theme.background())
                .attr("fill-opacity", 0.9).attr("stroke", theme.grid()).close();
        double column = (box.width() - 2 * PADDING + COLUMN_GAP) / columns;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double left = box.x() + PADDING + (i % columns) * column;
            double top = box.y() + PADDING + (i / columns) * ROW;
            e.swatch().paint(svg, left + SWATCH / 2, top + Fonts.boxHeight(Fonts.LEGEND) / 2);
            svg.textAt(left + SWATCH + SWATCH_GAP, Fonts.baselineOfBox(top, Fonts.LEGEND), null, e.label());
        }
        svg.end("g");
    }
}
