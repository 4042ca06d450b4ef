package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.render.part.Fonts;

/** Input checks shared by the renderers. */
final class Checks {

    private Checks() {
    }

    /** Beyond this magnitude tick arithmetic loses meaning; 1e15 is still a thousand trillion parameters. */
    static final double MAX_MAGNITUDE = 1e15;

    static void usable(String parameter, Double value) {
        if (value != null && !(Math.abs(value) <= MAX_MAGNITUDE)) {
            throw new ChartInputException(parameter, parameter + " must be a finite number within ±1e15, got " + value);
        }
    }

    static void ordered(String minName, Double min, String maxName, Double max) {
        usable(minName, min);
        usable(maxName, max);
        if (min != null && max != null && !(min < max)) {
            throw new ChartInputException(minName, minName + " (" + min + ") must be below " + maxName + " (" + max + ")");
        }
    }

    static String notBlankOrNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A title cut to the space it has, or null when there is none. */
    static String titleOrNull(String text, double size, boolean bold, double maxWidth) {
        String t = notBlankOrNull(text);
        return t == null ? null : Fonts.fitWidth(t, size, bold, maxWidth);
    }
}
