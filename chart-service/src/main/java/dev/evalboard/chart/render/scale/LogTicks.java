package dev.evalboard.chart.render.scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticks for a log axis: powers of ten when the domain spans enough decades (every k-th decade
 * when it spans too many), else 1-2-5 multiples, else every integer multiple of each decade.
 */
public final class LogTicks {

    private static final int[][] MANTISSA_SETS = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    private LogTicks() {
    }

    /** Tick values in [min, max]; fewer than {@code minTicks} only when even the densest set gives fewer. */
    public static List<Double> compute(double min, double max, int minTicks, int maxTicks) {
        if (!(min > 0) || !(max > min)) {
            throw new IllegalArgumentException("a log domain needs 0 < min < max, got " + min + ".." + max);
        }
        int firstDecade = (int) Math.floor(Math.log10(min));
        int lastDecade = (int) Math.floor(Math.log10(max));
        int decades = lastDecade - firstDecade + 1;
        if (decades > maxTicks) {
            int every = (int) Math.ceil(decades / (double) maxTicks);
            List<Double> sparse = new ArrayList<>();
            for (int d = (int) Math.ceil(Math.log10(min) - 1e-9); d <= lastDecade; d++) {
                if (Math.floorMod(d, every) == 0) {
                    sparse.add(power(1, d));
                }
            }
            return sparse;
        }
        List<Double> ticks = List.of();
        for (int[] mantissas : MANTISSA_SETS) {
            ticks = inDomain(min, max, firstDecade, lastDecade, mantissas);
            if (ticks.size() >= minTicks) {
                return ticks.size() <= maxTicks ? ticks : previousOr(min, max, firstDecade, lastDecade, mantissas, ticks);
            }
        }
        return ticks;
    }

    /** When a denser set overshoots, the sparser set below it is the better answer. */
    private static List<Double> previousOr(double min, double max, int first, int last, int[] mantissas, List<Double> dense) {
        for (int i = 1; i < MANTISSA_SETS.length; i++) {
            if (MANTISSA_SETS[i] == mantissas) {
                List<Double> sparser = inDomain(min, max, first, last, MANTISSA_SETS[i - 1]);
                return sparser.size() >= 2 ? sparser : dense;
            }
        }
        return dense;
    }

    private static List<Double> inDomain(double min, double max, int firstDecade, int lastDecade, int[] mantissas) {
        List<Double> ticks = new ArrayList<>();
        for (int d = firstDecade; d <= lastDecade; d++) {
            for (int m : mantissas) {
                double v = power(m, d);
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /** {@code m * 10^d} computed exactly, so 2e-3 is not 0.0020000000000000005. */
    private static double power(int m, int d) {
        return BigDecimal.valueOf(m).scaleByPowerOfTen(d).doubleValue();
    }
}
