package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Placement;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.SvgWriter;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/**
 * A boxed legend inside the plot area, in the first of the preferred corners where it covers no
 * mark or label (or, when every corner is covered, where it covers least).
 */
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
    private static final double INSET = 8;

    private final List<Entry> entries;
    private final Theme theme;
    private final Rect box;

    /**
     * @param entries labels already fitted to the label bound
     * @param corners the corners to try, best first
     */
    public Legend(List<Entry> entries, Theme theme, Rect plot, Occupancy occupancy, List<Corner> corners) {
        this.entries = entries;
        this.theme = theme;
        double textWidth = 0;
        for (Entry e : entries) {
            textWidth = Math.max(textWidth, Fonts.width(e.label(), Fonts.LEGEND, false));
        }
        double w = 2 * PADDING + SWATCH + SWATCH_GAP + textWidth;
        double h = 2 * PADDING + ROW * entries.size() - (ROW - Fonts.LEGEND);
        double left = plot.x() + INSET;
        double right = plot.right() - INSET - w;
        double top = plot.y() + INSET;
        double bottom = plot.bottom() - INSET - h;
        List<Rect> candidates = new ArrayList<>();
        for (Corner corner : corners) {
            boolean atRight = corner == Corner.TOP_RIGHT || corner == Corner.BOTTOM_RIGHT;
            boolean atTop = corner == Corner.TOP_RIGHT || corner == Corner.TOP_LEFT;
            candidates.add(new Rect(atRight ? right : left, atTop ? top : bottom, w, h));
        }
        this.box = Placement.choose(candidates, plot, occupancy);
    }

    public Rect box() {
        return box;
    }

    @Override
    public void paint(SvgWriter svg) {
        if (entries.isEmpty()) {
            return;
        }
        svg.open("g").attr("class", "l");
        svg.open("rect").attr("x", box.x()).attr("y", box.y()).attr("width", box.width())
                .attr("height", box.height()).attr("rx", 3).attr("fill", theme.background())
                .attr("fill-opacity", 0.9).attr("stroke", theme.grid()).close();
        double top = box.y() + PADDING;
        for (Entry e : entries) {
            e.swatch().paint(svg, box.x() + PADDING + SWATCH / 2, top + Fonts.LEGEND / 2);
            svg.textAt(box.x() + PADDING + SWATCH + SWATCH_GAP, Fonts.baseline(top, Fonts.LEGEND), null, e.label());
            top += ROW;
        }
        svg.end("g");
    }
}
