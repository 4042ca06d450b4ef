package dev.evalboard.chart.render.scale;

import java.util.List;

/** A linear scale over a Heckbert-nice domain. */
public final class LinearScale implements Scale {

    private final double min;
    private final double max;
    private final double pixelMin;
    private final double pixelMax;
    private final List<Tick> ticks;

    /**
     * @param fixedMin when non-null the domain starts exactly here, else at a nice value below {@code dataMin}
     * @param fixedMax when non-null the domain ends exactly here, else at a nice value above {@code dataMax}
     */
    public LinearScale(double dataMin, double dataMax, Double fixedMin, Double fixedMax,
                       double pixelMin, double pixelMax, int maxTicks, NumberStyle style) {
        double lo = fixedMin != null ? fixedMin : dataMin;
        double hi = fixedMax != null ? fixedMax : dataMax;
        if (!(hi > lo)) {
            // A single value, or data entirely past one fixed end, still needs a visible range.
            if (fixedMin != null && fixedMax == null) {
                hi = lo + padAround(lo);
            } else if (fixedMax != null && fixedMin == null) {
                lo = hi - padAround(hi);
            } else if (fixedMin == null) {
                double pad = padAround(lo);
                lo -= pad;
                hi += pad;
            } else {
                throw new IllegalArgumentException("axis minimum " + lo + " must be below maximum " + hi);
            }
        }
        NiceTicks.Result nice = NiceTicks.compute(lo, hi, maxTicks, fixedMin != null, fixedMax != null);
        this.min = nice.min();
        this.max = nice.max();
        this.pixelMin = pixelMin;
        this.pixelMax = pixelMax;
        int decimals = nice.decimals();
        this.ticks = nice.values().stream().map(v -> new Tick(v, style.format(v, decimals))).toList();
    }

    private static double padAround(double v) {
        return v == 0 ? 1 : Math.abs(v) * 0.1;
    }

    @Override
    public double toPixel(double value) {
        return pixelMin + (value - min) / (max - min) * (pixelMax - pixelMin);
    }

    @Override
    public List<Tick> ticks() {
        return ticks;
    }

    @Override
    public double domainMin() {
        return min;
    }

    @Override
    public double domainMax() {
        return max;
    }
}
