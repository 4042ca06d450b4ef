package dev.evalboard.chart.render.svg;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting: short coordinates keep the SVG small and deterministic. */
public final class Num {

    private Num() {
    }

    /** A coordinate rounded to one decimal, without a trailing ".0". */
    public static String coord(double v) {
        return trimmed(v, 1);
    }

    /** {@code v} rounded half-up to at most {@code decimals} decimals, trailing zeros dropped. */
    public static String trimmed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** {@code v} with exactly {@code decimals} decimals, as value labels are printed ("70.0"). */
    public static String fixed(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
