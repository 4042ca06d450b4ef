package dev.evalboard.chart.render.text;

import dev.evalboard.contract.FormatCharacters;
import java.util.regex.Pattern;

/** Shortens labels to a measured width, ending them with an ellipsis. */
public final class TextFitter {

    public static final String ELLIPSIS = "\u2026";

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private TextFitter() {
    }

    /**
     * {@code text} with whitespace runs collapsed and Unicode format characters (bidi overrides,
     * zero-width characters) removed, so that no label can reorder or hide its neighbours; cut at a
     * code point boundary so that it plus "…" is at most {@code maxWidth} pixels wide.
     */
    public static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        String clean = collapseWhitespace(FormatCharacters.strip(text).strip());
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

    /** Runs of whitespace (regex {@code \s}) as one space; most labels have none and skip the regex. */
    static String collapseWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean secondSpace = c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (secondSpace || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return WHITESPACE_RUN.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }
}
