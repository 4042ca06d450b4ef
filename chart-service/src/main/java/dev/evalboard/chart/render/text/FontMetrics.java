package dev.evalboard.chart.render.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Advance widths of Helvetica and Helvetica-Bold (Adobe Core 14 AFM files, units of 1/1000 em) for printable ASCII,
 * of Liberation Sans (metric-compatible with Arial) for Latin-1, Latin Extended, Greek and Cyrillic, of DejaVu Sans
 * for Hebrew and Arabic (advance-widths.txt), and per-script estimates for the rest, each at least what Chromium draws with the common fallback fonts (Noto CJK, Noto Color
 * Emoji, DejaVu Sans): charts are styled with a Helvetica/Arial stack, so layout measured here fits what a browser
 * draws, and an estimate errs wide, where a label is cut or left out rather than overlapping.
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

    /** Text boxes as browsers report them span this far above the baseline (Latin, CJK, Arabic, emoji)... */
    public static final double ASCENT = 0.86;
    /** ...and this far below it, in em. */
    public static final double DESCENT = 0.34;

    private static final int EXTENDED_FIRST = 0xA0;
    private static final int EXTENDED_LAST = 0x6FF;
    private static final short[][] EXTENDED = loadExtended();

    /** A character in no table: wider than most Latin, Greek and Cyrillic glyphs. */
    private static final int DEFAULT_WIDTH = 780;
    /** Thai, Indic and other letters of scripts in no table: Noto and DejaVu draw them narrower than this. */
    private static final int OTHER_SCRIPT_WIDTH = 650;
    /** Arabic and Hebrew presentation forms: the widest Arabic form in the table. */
    private static final int PRESENTATION_FORM_WIDTH = 1420;
    /** East Asian ideographs, kana and Hangul are drawn one em wide. */
    private static final int WIDE_WIDTH = 1000;
    /** Emoji are drawn wider than an em (Noto Color Emoji: 1.25 em). */
    private static final int EMOJI_WIDTH = 1300;

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
        if (cp >= EXTENDED_FIRST && cp <= EXTENDED_LAST && EXTENDED[bold ? 1 : 0][cp - EXTENDED_FIRST] > 0) {
            return EXTENDED[bold ? 1 : 0][cp - EXTENDED_FIRST];
        }
        if (isEmoji(cp)) {
            return EMOJI_WIDTH;
        }
        if (isWide(cp)) {
            return WIDE_WIDTH;
        }
        if (cp >= 0xFB1D && cp <= 0xFEFC) {
            return PRESENTATION_FORM_WIDTH;
        }
        return cp >= 0x0700 && cp <= 0x0DFF ? OTHER_SCRIPT_WIDTH : DEFAULT_WIDTH;
    }

    private static boolean isZeroWidth(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static short[][] loadExtended() {
        short[][] widths = new short[2][EXTENDED_LAST - EXTENDED_FIRST + 1];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FontMetrics.class.getResourceAsStream("advance-widths.txt"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.trim().split(" ");
                int index = Integer.parseInt(cells[0], 16) - EXTENDED_FIRST;
                widths[0][index] = Short.parseShort(cells[1]);
                widths[1][index] = Short.parseShort(cells[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return widths;
    }
}
