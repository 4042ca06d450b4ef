package dev.evalboard.chart.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextFitterTest {

    @Test
    void widthsComeFromTheHelveticaTable() {
        // "Wi": W = 944, i = 222 units.
        assertEquals(11.66, FontMetrics.width("Wi", 10, false), 1e-9);
        assertEquals(12.22, FontMetrics.width("Wi", 10, true), 1e-9);
        assertTrue(FontMetrics.width("mmmm", 12, false) > FontMetrics.width("iiii", 12, false) * 3);
    }

    @Test
    void wideAndZeroWidthCharacters() {
        assertEquals(10, FontMetrics.width("\u6F22", 10, false), 1e-9);
        assertEquals(0, FontMetrics.width("\u202E\u0301", 10, false), 1e-9);
    }

    @Test
    void shortTextIsUnchanged() {
        assertEquals("Qwen3-14B", TextFitter.fit("Qwen3-14B", 200, 12, false));
    }

    @Test
    void whitespaceRunsBecomeOneSpace() {
        assertEquals("a b c d e", TextFitter.fit("  a\tb\n\r c  \u000Bd \fe ", 500, 12, false));
        for (String s : new String[] {"Qwen3 14B", "a  b", "a\tb", "\n", "a \u00A0 b", "x\u2003\u2003y", ""}) {
            assertEquals(s.replaceAll("\\s+", " "), TextFitter.collapseWhitespace(s), s);
        }
    }

    @Test
    void longTextIsCutToTheMeasuredWidthWithAnEllipsis() {
        String fitted = TextFitter.fit("x".repeat(10_000), 100, 12, false);
        assertTrue(fitted.endsWith("\u2026"));
        assertTrue(FontMetrics.width(fitted, 12, false) <= 100);
        assertTrue(FontMetrics.width(fitted + "x", 12, false) > 100 - 12);
    }

    @Test
    void narrowLettersFitMoreThanWideOnes() {
        int narrow = TextFitter.fit("i".repeat(200), 100, 12, false).length();
        int wide = TextFitter.fit("W".repeat(200), 100, 12, false).length();
        assertTrue(narrow > 3 * wide, narrow + " vs " + wide);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String fitted = TextFitter.fit("\uD83D\uDE00".repeat(50), 60, 12, false);
        assertTrue(fitted.matches("(\uD83D\uDE00)+\u2026"), fitted);
        assertTrue(FontMetrics.width(fitted, 12, false) <= 60, fitted);
    }
}
