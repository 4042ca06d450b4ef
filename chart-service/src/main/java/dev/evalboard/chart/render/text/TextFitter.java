package dev.evalboard.chart.render.text;

/** Shortens labels to a measured width, ending them with an ellipsis. */
public final class TextFitter {

    public static final String ELLIPSIS = "\u2026";

    private TextFitter() {
    }

    /**
     * {@code text} with whitespace runs collapsed, cut at a code point boundary so that it plus
     * "…" is at most {@code maxWidth} pixels wide; unchanged when it already fits.
     */
    public static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        String clean = text.strip().replaceAll("\\s+", " ");
        if (FontMetrics.width(clean, fontSize, bold) <= maxWidth) {
            return clean;
        }
        double budget = maxWidth * 1000.0 / fontSize - FontMetrics.advance(ELLIPSIS.codePointAt(0), bold);
        long used = 0;
        int end = 0;
        while (end < clean.length()) {
            int cp = clean.codePointAt(end);
            int advance = FontMetrics.advance(cp, bold);
            if (used + advance > budget) {
                break;
            }
            used += advance;
            end += Character.charCount(cp);
        }
        return clean.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
