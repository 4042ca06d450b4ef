package dev.evalboard.chart.render.scale;

import dev.evalboard.chart.render.svg.Num;

/** How tick values are written. */
public enum NumberStyle {
    /** Plain decimals: 45, 50, 2.5. */
    PLAIN,
    /** Parameter counts with SI-style suffixes: 500M, 4B, 32B, 1.5T. */
    SI,
    /** Dollars: $0.5, $12, $1.2K. */
    USD;

    public static final int SHORTEST = -1;

    private static final double[] UNITS = {1e12, 1e9, 1e6, 1e3};
    private static final String[] SUFFIXES = {"T", "B", "M", "K"};

    /**
     * Formats {@code v}; {@code decimals} is what the tick step needs in PLAIN style, or
     * {@link #SHORTEST} for as few as the value needs.
     */
    public String format(double v, int decimals) {
        switch (this) {
            case SI:
                return suffixed(v);
            case USD:
                return (v < 0 ? "-$" : "$") + suffixed(Math.abs(v));
            default:
                return decimals == SHORTEST ? Num.trimmed(v, 6) : Num.fixed(v, decimals);
        }
    }

    private static String suffixed(double v) {
        double abs = Math.abs(v);
        for (int i = 0; i < UNITS.length; i++) {
            // Round first so that 999.99e6 reads 1B rather than 1000M.
            if (Num.rounded(abs / UNITS[i], 2) >= 1) {
                return Num.trimmed(v / UNITS[i], 2) + SUFFIXES[i];
            }
        }
        return Num.trimmed(v, 2);
    }
}
