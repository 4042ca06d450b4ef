package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.render.part.Fonts;
import java.util.List;

/** Input checks shared by the renderers. */
final class Checks {

    private Checks() {
    }

    /**
     * Beyond these magnitudes tick arithmetic loses meaning (a tick step underflows, a padded log domain reaches 0);
     * 1e15 is still a thousand trillion parameters, 1e-15 a femto-dollar.
     */
    static final double MAX_MAGNITUDE = 1e15;
    static final double MIN_MAGNITUDE = 1e-15;

    /** Whether a data value can be placed on an axis; one that cannot is left out of the chart, not an error. */
    static boolean drawable(double value) {
        return value == 0 || (Math.abs(value) <= MAX_MAGNITUDE && Math.abs(value) >= MIN_MAGNITUDE);
    }

    /** An axis end the request fixed must be drawable: that one is the caller's mistake. */
    static void usable(String parameter, Double value) {
        if (value != null && !drawable(value)) {
            throw new ChartInputException(parameter, parameter + " must be 0 or a finite number from 1e-15 to 1e15 "
                    + "in magnitude, got " + value);
        }
    }

    static void ordered(String minName, Double min, String maxName, Double max) {
        usable(minName, min);
        usable(maxName, max);
        if (min != null && max != null && !(min < max)) {
            throw new ChartInputException(minName, minName + " (" + min + ") must be below " + maxName + " (" + max + ")");
        }
    }

    /** Standard errors line up with the values and are finite and not negative (null: none). */
    static void stderrs(String owner, List<Double> stderrs, int expected) {
        if (stderrs.size() != expected) {
            throw new ChartInputException("stderr", owner + " has " + stderrs.size() + " standard errors for "
                    + expected + " values");
        }
        for (Double se : stderrs) {
            stderr(owner, se);
        }
    }

    static void stderr(String owner, Double se) {
        if (se != null && !(se >= 0 && se <= MAX_MAGNITUDE)) {
            throw new ChartInputException("stderr", owner + ": a standard error must be a finite number from 0 to "
                    + "1e15, got " + se);
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
