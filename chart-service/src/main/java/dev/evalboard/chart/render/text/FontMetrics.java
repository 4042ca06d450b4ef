package dev.evalboard.chart.render.text;

/**
 * Advance widths of Helvetica and Helvetica-Bold (Adobe Core 14 AFM files, units of 1/1000 em) for
 * printable ASCII. Charts are styled with a Helvetica/Arial stack, whose widths match, so layout
 * measured here fits what a browser draws. Other characters get a conservative estimate.
 */
public final class FontMetrics {

    /** Widths of code points 32..126 in Helvetica. */
    private static final short[] REGULAR = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p .. ~
    };

    /** Widths of code points 32..126 in Helvetica-Bold. */
    private static final short[] BOLD = {
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584
    };

    /** Width assumed for a character outside the table: an average lower-case Latin glyph. */
    private static final int DEFAULT_WIDTH = 556;
    /** East Asian ideographs, Hangul and emoji are drawn about one em wide. */
    private static final int WIDE_WIDTH = 1000;

    private FontMetrics() {
    }

    /** Width in pixels of {@code text} at {@code fontSize} pixels. */
    public static double width(String text, double fontSize, boolean bold) {
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += advance(cp, bold);
            i += Character.charCount(cp);
        }
        return units * fontSize / 1000.0;
    }

    /** Advance of one code point in 1/1000 em. */
    public static int advance(int cp, boolean bold) {
        if (cp >= 32 && cp <= 126) {
            return (bold ? BOLD : REGULAR)[cp - 32];
        }
        if (isZeroWidth(cp)) {
            return 0;
        }
        return isWide(cp) ? WIDE_WIDTH : DEFAULT_WIDTH;
    }

    private static boolean isZeroWidth(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
