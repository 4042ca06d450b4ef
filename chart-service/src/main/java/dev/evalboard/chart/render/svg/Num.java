package dev.evalboard.chart.render.svg;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locale-independent number formatting: short coordinates keep the SVG small and deterministic.
 *
 * <p>Numbers are rounded half up as written in decimal ({@code BigDecimal.valueOf(v)}), so 1.005
 * rounds to 1.01 although the double is a little below 1.005. Every chart writes a few hundred
 * numbers, so the common case skips BigDecimal: {@code |v| × 10^decimals} below {@link #FAST_LIMIT}
 * is off the decimal value by less than 3e-7, which cannot move it across a rounding boundary unless
 * it lies within {@link #TIE_WINDOW} of one; only those near-ties take the BigDecimal path.
 */
public final class Num {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final double FAST_LIMIT = 1e9;
    private static final double TIE_WINDOW = 1e-6;
    /** What {@link #scaledUnits} answers when only BigDecimal can round the value. */
    private static final long SLOW = -1;

    private Num() {
    }

    /** A coordinate rounded to one decimal, without a trailing ".0". */
    public static String coord(double v) {
        return trimmed(v, 1);
    }

    /** Appends {@link #coord(double)} of {@code v}. */
    public static StringBuilder appendCoord(StringBuilder out, double v) {
        return appendTrimmed(out, v, 1);
    }

    /** {@code v} rounded half-up to at most {@code decimals} decimals, trailing zeros dropped. */
    public static String trimmed(double v, int decimals) {
        return appendTrimmed(new StringBuilder(16), v, decimals).toString();
    }

    /** Appends {@link #trimmed(double, int)} of {@code v}. */
    public static StringBuilder appendTrimmed(StringBuilder out, double v, int decimals) {
        long units = scaledUnits(v, decimals);
        if (units == SLOW) {
            BigDecimal d = decimal(v, decimals).stripTrailingZeros();
            return out.append(d.signum() == 0 ? "0" : d.toPlainString());
        }
        int shown = decimals;
        while (shown > 0 && units % 10 == 0) {
            units /= 10;
            shown--;
        }
        return appendUnits(out, v < 0, units, shown);
    }

    /** {@code v} with exactly {@code decimals} decimals, as value labels are printed ("70.0"). */
    public static String fixed(double v, int decimals) {
        long units = scaledUnits(v, decimals);
        if (units == SLOW) {
            return decimal(v, decimals).toPlainString();
        }
        return appendUnits(new StringBuilder(16), v < 0, units, decimals).toString();
    }

    /** {@code v} rounded half-up to {@code decimals} decimals, as {@link #trimmed} would print it. */
    public static double rounded(double v, int decimals) {
        long units = scaledUnits(v, decimals);
        if (units == SLOW) {
            return decimal(v, decimals).doubleValue();
        }
        return (v < 0 ? -units : units) / (double) POW10[decimals];
    }

    /** {@code |v| × 10^decimals} rounded half up, or {@link #SLOW} when that needs BigDecimal. */
    private static long scaledUnits(double v, int decimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (decimals < 0 || decimals >= POW10.length) {
            return SLOW;
        }
        double x = Math.abs(v) * POW10[decimals];
        if (!(x < FAST_LIMIT)) {
            return SLOW;
        }
        long whole = (long) x;
        double fraction = x - whole;
        if (Math.abs(fraction - 0.5) < TIE_WINDOW) {
            return SLOW;
        }
        return fraction > 0.5 ? whole + 1 : whole;
    }

    private static BigDecimal decimal(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Writes {@code units / 10^decimals} with exactly {@code decimals} decimals; zero has no sign. */
    private static StringBuilder appendUnits(StringBuilder out, boolean negative, long units, int decimals) {
        if (negative && units != 0) {
            out.append('-');
        }
        long scale = POW10[decimals];
        out.append(units / scale);
        if (decimals > 0) {
            out.append('.');
            long fraction = units % scale;
            for (long digit = scale / 10; digit > 1 && fraction < digit; digit /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }
}
