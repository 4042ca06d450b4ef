package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.text.FontMetrics;
import dev.evalboard.chart.render.text.TextFitter;

/** Font sizes of each kind of text (they match the style block) and text box geometry. */
public final class Fonts {

    public static final double BASE = 11;
    public static final double TITLE = 16;
    public static final double AXIS_TITLE = 12;
    public static final double TICK = 11;
    public static final double CATEGORY = 12;
    public static final double VALUE = 10;
    public static final double POINT = 11;
    public static final double LEGEND = 12;

    /** Labels are cut past this many ems (about 40 average characters). */
    public static final double MAX_LABEL_EMS = 22;

    /** Baseline offset from the top of a text box, a little above Helvetica's 0.718 em cap height plus leading. */
    private static final double BASELINE = 0.78;

    private Fonts() {
    }

    public static double width(String text, double size, boolean bold) {
        return FontMetrics.width(text, size, bold);
    }

    /** A name or label cut to the label bound, or to {@code maxWidth} if that is narrower. */
    public static String fit(String text, double size, boolean bold, double maxWidth) {
        return TextFitter.fit(text, Math.min(maxWidth, MAX_LABEL_EMS * size), size, bold);
    }

    /** A title cut only to the space it has. */
    public static String fitWidth(String text, double size, boolean bold, double maxWidth) {
        return TextFitter.fit(text, maxWidth, size, bold);
    }

    public static double baseline(double top, double size) {
        return top + BASELINE * size;
    }

    /** Height of a text's box as browsers report it (glyph ascent to descent, any script). */
    public static double boxHeight(double size) {
        return (FontMetrics.ASCENT + FontMetrics.DESCENT) * size;
    }

    /** The baseline of a text whose box starts at {@code boxTop}. */
    public static double baselineOfBox(double boxTop, double size) {
        return boxTop + FontMetrics.ASCENT * size;
    }

    /**
     * The box a browser draws {@code text} in, anchored at (x, baseline); {@code anchor} is 0 for start, 0.5 for
     * middle and 1 for end.
     */
    public static Rect box(String text, double size, boolean bold, double x, double baseline, double anchor) {
        double w = width(text, size, bold);
        return new Rect(x - anchor * w, baseline - FontMetrics.ASCENT * size, w, boxHeight(size));
    }
}
