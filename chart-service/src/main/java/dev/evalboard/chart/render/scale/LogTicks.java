package dev.evalboard.chart.render.scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticks for a log axis. The candidate sets, sparsest first, are mantissas of each decade: powers
 * of ten; half decades (1 and 3.2); 1-2-5; every digit 1..9. The sparsest set giving at least
 * {@code minTicks} ticks in the domain wins, unless it gives more than {@code maxTicks}: then the
 * sparser set before it does (when that has two ticks at least). A domain spanning more decades
 * than {@code maxTicks} gets every k-th power of ten instead; one too narrow for two ticks of any set
 * (1.01e9..1.29e9) gets linear nice numbers, as a log axis that short is nearly linear. An axis end
 * the caller fixed is made a tick of its own by {@link #withFixedEnds}.
 */
public final class LogTicks {

    /**
     * The half-decade mantissa, √10 = 3.162… to two significant digits. The tick sits at 3.2 × 10^d
     * rather than at 10^(d + ½) so that it is where its label says: a 32B model lies on the 32B grid
     * line, not a few pixels beside it.
     */
    static final double HALF_DECADE = 3.2;

    private static final double[][] MANTISSA_SETS = {
        {1}, {1, HALF_DECADE}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};

    /** Two log values closer than this are the same tick. */
    private static final double SAME_TICK = 1e-9;

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
            for (int d = (int) Math.ceil(Math.log10(min) - SAME_TICK); d <= lastDecade; d++) {
                if (Math.floorMod(d, every) == 0) {
                    sparse.add(power(1, d));
                }
            }
            return sparse;
        }
        List<Double> sparser = List.of();
        for (double[] mantissas : MANTISSA_SETS) {
            List<Double> ticks = inDomain(min, max, firstDecade, lastDecade, mantissas);
            if (ticks.size() >= minTicks) {
                // A set that overshoots maxTicks loses to the sparser one before it, if that has two ticks.
                return ticks.size() <= maxTicks || sparser.size() < 2 ? ticks : sparser;
            }
            sparser = ticks;
        }
        return sparser.size() >= 2 ? sparser : NiceTicks.compute(min, max, maxTicks, true, true).values();
    }

    /**
     * {@code ticks} with each fixed end added as a tick, and without the ticks closer than
     * {@code minGapDecades} to a fixed end, whose labels would collide with the end's. When both ends
     * are fixed and closer than that to each other, only the lower one is labelled.
     *
     * @param fixedMin the axis minimum the caller fixed, or null
     * @param fixedMax the axis maximum the caller fixed, or null
     * @param minGapDecades the least distance, in decades, between a fixed end's label and its neighbour's
     */
    public static List<Double> withFixedEnds(List<Double> ticks, Double fixedMin, Double fixedMax, double minGapDecades) {
        double gap = Math.max(minGapDecades, SAME_TICK);
        double lo = fixedMin != null ? Math.log10(fixedMin) : Double.NEGATIVE_INFINITY;
        double hi = fixedMax != null ? Math.log10(fixedMax) : Double.POSITIVE_INFINITY;
        List<Double> out = new ArrayList<>(ticks.size() + 2);
        if (fixedMin != null) {
            out.add(fixedMin);
        }
        for (double t : ticks) {
            double log = Math.log10(t);
            if (log - lo >= gap && hi - log >= gap) {
                out.add(t);
            }
        }
        if (fixedMax != null && hi - lo >= gap) {
            out.add(fixedMax);
        }
        return out;
    }

    private static List<Double> inDomain(double min, double max, int firstDecade, int lastDecade, double[] mantissas) {
        List<Double> ticks = new ArrayList<>();
        for (int d = firstDecade; d <= lastDecade; d++) {
            for (double m : mantissas) {
                double v = power(m, d);
                if (v >= min * (1 - SAME_TICK) && v <= max * (1 + SAME_TICK)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /** {@code m * 10^d} computed in decimal, so 2e-3 is not 0.0020000000000000005 and 3.2e10 is 32000000000. */
    private static double power(double m, int d) {
        return BigDecimal.valueOf(m).scaleByPowerOfTen(d).doubleValue();
    }
}
