package dev.evalboard.chart.render.scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Heckbert's "nice numbers for graph labels" (Graphics Gems, 1990): tick steps of 1, 2 or 5 times
 * a power of ten, and a domain widened to whole steps unless the caller fixed its ends. The step
 * starts at the nice ceiling of range / (maxTicks - 1) and moves up the 1-2-5 sequence until the
 * widened domain holds at most {@code maxTicks} ticks. (Heckbert rounds the range up to a nice
 * number first, which can double the step: a 52..71 range would get steps of 10 instead of 5.)
 */
public final class NiceTicks {

    private NiceTicks() {
    }

    /** The domain to draw, its tick step and the tick values. */
    public record Result(double min, double max, BigDecimal step, List<Double> values) {

        /** Decimals needed to print every tick distinctly. */
        public int decimals() {
            return Math.max(0, step.stripTrailingZeros().scale());
        }
    }

    /** At most {@code maxTicks} ticks; {@code fixedMin}/{@code fixedMax} keep that end exactly as given. */
    public static Result compute(double dataMin, double dataMax, int maxTicks, boolean fixedMin, boolean fixedMax) {
        if (!(dataMax > dataMin)) {
            throw new IllegalArgumentException("empty domain " + dataMin + ".." + dataMax);
        }
        BigDecimal step = niceNum((dataMax - dataMin) / Math.max(1, maxTicks - 1), false);
        Result result = ticks(dataMin, dataMax, step, fixedMin, fixedMax);
        while (result.values().size() > Math.max(2, maxTicks)) {
            step = nextNice(step);
            result = ticks(dataMin, dataMax, step, fixedMin, fixedMax);
        }
        return result;
    }

    private static Result ticks(double dataMin, double dataMax, BigDecimal step, boolean fixedMin, boolean fixedMax) {
        double s = step.doubleValue();
        double min = fixedMin ? dataMin : Math.floor(dataMin / s) * s;
        double max = fixedMax ? dataMax : Math.ceil(dataMax / s) * s;
        List<Double> values = new ArrayList<>();
        // Integer multiples of an exact step: no accumulated floating-point drift.
        long first = (long) Math.ceil(min / s - 1e-9);
        long last = (long) Math.floor(max / s + 1e-9);
        for (long k = first; k <= last; k++) {
            values.add(step.multiply(BigDecimal.valueOf(k)).doubleValue());
        }
        if (values.isEmpty()) {
            return new Result(min, max, step, values);
        }
        return new Result(fixedMin ? min : values.get(0), fixedMax ? max : values.get(values.size() - 1), step, values);
    }

    /** The next number of the 1, 2, 5, 10, 20, ... sequence. */
    static BigDecimal nextNice(BigDecimal step) {
        int mantissa = step.stripTrailingZeros().unscaledValue().intValue();
        BigDecimal factor = mantissa == 2 ? new BigDecimal("2.5") : BigDecimal.valueOf(2);
        return step.multiply(factor).stripTrailingZeros();
    }

    /** A 1, 2, 5 or 10 times power-of-ten number near {@code x}: rounded, or else the ceiling. */
    public static BigDecimal niceNum(double x, boolean round) {
        int exponent = (int) Math.floor(Math.log10(x));
        double fraction = x / Math.pow(10, exponent);
        int nice;
        if (round) {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        }
        return BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent);
    }
}
