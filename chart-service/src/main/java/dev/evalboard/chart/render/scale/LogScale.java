package dev.evalboard.chart.render.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A base-10 log scale; the domain is the data range padded by a fraction of its decades, except at
 * an end the caller fixed, which is exactly that value and labelled as a tick.
 */
public final class LogScale implements Scale {

    private static final double PAD_DECADES_FRACTION = 0.06;
    /** Least blank space in pixels between a fixed end's label and the next tick label. */
    private static final double LABEL_SPACE = 6;
    private static final int MAX_TICKS = 10;

    private final double logMin;
    private final double logMax;
    private final double pixelMin;
    private final double pixelMax;
    private final List<Tick> ticks;

    /** @param labelWidth the width in pixels a tick label takes on the axis */
    public LogScale(double dataMin, double dataMax, Double fixedMin, Double fixedMax,
                    double pixelMin, double pixelMax, NumberStyle style, ToDoubleFunction<String> labelWidth) {
        double lo = Math.log10(fixedMin != null ? fixedMin : dataMin);
        double hi = Math.log10(fixedMax != null ? fixedMax : dataMax);
        if (!(hi > lo)) {
            // Data entirely past one fixed end: show one decade on the open side.
            if (fixedMax == null) {
                hi = lo + 1;
            } else {
                lo = hi - 1;
            }
        }
        double pad = Math.max(hi - lo, 0.5) * PAD_DECADES_FRACTION;
        this.logMin = fixedMin != null ? lo : lo - pad;
        this.logMax = fixedMax != null ? hi : hi + pad;
        this.pixelMin = pixelMin;
        this.pixelMax = pixelMax;
        // The densest ticks whose labels all fit side by side: a 200-pixel Grafana panel gets fewer than a slide.
        // A candidate needs two ticks (one when that is all the densest has); when none fits, the sparsest is used.
        List<Tick> densest = ticks(MAX_TICKS, fixedMin, fixedMax, style, labelWidth);
        int enough = Math.min(2, densest.size());
        List<Tick> chosen = densest;
        for (int maxTicks = MAX_TICKS; maxTicks >= 2; maxTicks--) {
            List<Tick> candidate = maxTicks == MAX_TICKS ? densest : ticks(maxTicks, fixedMin, fixedMax, style, labelWidth);
            if (candidate.size() >= enough) {
                chosen = candidate;
                if (labelsFit(candidate, labelWidth)) {
                    break;
                }
            }
        }
        this.ticks = chosen;
    }

    private List<Tick> ticks(int maxTicks, Double fixedMin, Double fixedMax, NumberStyle style,
                             ToDoubleFunction<String> labelWidth) {
        List<Double> values = LogTicks.compute(domainMin(), domainMax(), Math.min(3, maxTicks), maxTicks);
        if (fixedMin != null || fixedMax != null) {
            // Centred labels need half of each one's width plus a space; the widest label stands in for both.
            List<Double> labelled = new ArrayList<>(values);
            if (fixedMin != null) {
                labelled.add(fixedMin);
            }
            if (fixedMax != null) {
                labelled.add(fixedMax);
            }
            double widest = 0;
            for (double v : labelled) {
                widest = Math.max(widest, labelWidth.applyAsDouble(style.format(v, NumberStyle.SHORTEST)));
            }
            double pixelsPerDecade = Math.abs(pixelMax - pixelMin) / (logMax - logMin);
            values = LogTicks.withFixedEnds(values, fixedMin, fixedMax, (widest + LABEL_SPACE) / pixelsPerDecade);
        }
        List<Tick> out = new ArrayList<>(values.size());
        for (double v : values) {
            Tick tick = new Tick(v, style.format(v, NumberStyle.SHORTEST));
            // Neighbours with one label (9.99e8 and 1e9 both read "1B") show it once: at a fixed end, the lower one
            // when both are ends.
            if (!out.isEmpty() && out.get(out.size() - 1).label().equals(tick.label())) {
                boolean previousIsMin = fixedMin != null && out.get(out.size() - 1).value() == fixedMin;
                boolean isEnd = fixedMin != null && v == fixedMin || fixedMax != null && v == fixedMax;
                if (previousIsMin || !isEnd) {
                    continue;
                }
                out.remove(out.size() - 1);
            }
            out.add(tick);
        }
        return out;
    }

    private boolean labelsFit(List<Tick> ticks, ToDoubleFunction<String> labelWidth) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            double room = Math.abs(toPixel(b.value()) - toPixel(a.value()));
            double needed = (labelWidth.applyAsDouble(a.label()) + labelWidth.applyAsDouble(b.label())) / 2 + LABEL_SPACE;
            if (room < needed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double toPixel(double value) {
        return pixelMin + (Math.log10(value) - logMin) / (logMax - logMin) * (pixelMax - pixelMin);
    }

    @Override
    public List<Tick> ticks() {
        return ticks;
    }

    @Override
    public double domainMin() {
        return Math.pow(10, logMin);
    }

    @Override
    public double domainMax() {
        return Math.pow(10, logMax);
    }
}
