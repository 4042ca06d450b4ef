package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ProgressChartSpec;
import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.scale.Scale;
import dev.evalboard.chart.render.svg.Num;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs a progress chart draws: those it can place (a drawable score, a date in the years 1 to 9999), with the
 * other runs cut to a fixed sample past {@code maxRuns} (the runs whose model and date hash lowest), and the text
 * alternative that counts what was left out.
 */
final class ProgressSelection {

    private record Hashed(long hash, ProgressPoint point) {
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private final List<ProgressPoint> steps;
    private final List<ProgressPoint> runs;
    private final int undrawable;
    private final long notDrawn;

    private ProgressSelection(List<ProgressPoint> steps, List<ProgressPoint> runs, int undrawable, long notDrawn) {
        this.steps = steps;
        this.runs = runs;
        this.undrawable = undrawable;
        this.notDrawn = notDrawn;
    }

    static ProgressSelection of(ProgressChartSpec spec, int maxRuns) {
        List<ProgressPoint> steps = drawable(spec.steps());
        List<ProgressPoint> runs = drawable(spec.runs());
        int undrawable = spec.steps().size() + spec.runs().size() - steps.size() - runs.size();
        long notDrawn = spec.runsNotSent();
        if (runs.size() > maxRuns) {
            notDrawn += runs.size() - maxRuns;
            runs = runs.stream().map(p -> new Hashed(hash(p), p)).sorted(Comparator.comparingLong(Hashed::hash))
                    .limit(maxRuns).map(Hashed::point).sorted(Comparator.comparing(ProgressPoint::evaluatedAt)).toList();
        }
        return new ProgressSelection(steps, runs, undrawable, notDrawn);
    }

    private static List<ProgressPoint> drawable(List<ProgressPoint> points) {
        return points.stream().filter(p -> p != null && p.model() != null && p.evaluatedAt() != null
                && Checks.drawable(p.score()) && !p.evaluatedAt().isBefore(FIRST) && !p.evaluatedAt().isAfter(LAST))
                .toList();
    }

    List<ProgressPoint> steps() {
        return steps;
    }

    List<ProgressPoint> runs() {
        return runs;
    }

    List<ProgressPoint> all() {
        List<ProgressPoint> all = new ArrayList<>(steps);
        all.addAll(runs);
        return all;
    }

    /** The line ends at the latest run drawn: the best held at least until then. */
    double latestSeconds() {
        return all().stream().mapToDouble(p -> p.evaluatedAt().getEpochSecond()).max().orElse(0);
    }

    /** The direction the steps go; a single step says nothing, and most scores are higher-is-better. */
    boolean higherIsBetter() {
        return steps.size() < 2 || steps.get(steps.size() - 1).score() > steps.get(0).score();
    }

    /** The points inside a fixed y range; the description counts the others. */
    List<ProgressPoint> inside(List<ProgressPoint> points, Scale y) {
        double slack = (y.domainMax() - y.domainMin()) * 1e-9;
        return points.stream().filter(p -> p.score() >= y.domainMin() - slack && p.score() <= y.domainMax() + slack)
                .toList();
    }

    static String tooltip(ProgressPoint p) {
        return Fonts.fit(p.model(), Fonts.POINT, false, Double.MAX_VALUE) + ": " + Num.trimmed(p.score(), 2) + " on "
                + p.evaluatedAt();
    }

    /** A text alternative naming every step and counting what is not drawn, for screen readers. */
    String describe(List<ProgressPoint> shownSteps, List<ProgressPoint> shownRuns, int unlabelled,
                    boolean legendLeftOut) {
        StringBuilder d = new StringBuilder("Progress chart: the best score over time, ").append(steps.size())
                .append(steps.size() == 1 ? " run set" : " runs set").append(" a new best");
        if (!runs.isEmpty()) {
            d.append(", ").append(runs.size()).append(" other runs drawn faintly");
        }
        if (notDrawn > 0) {
            d.append(", ").append(notDrawn).append(" other runs not drawn (a fixed sample is)");
        }
        if (undrawable > 0) {
            d.append(", ").append(undrawable).append(" left out because their values cannot be drawn");
        }
        int outside = steps.size() + runs.size() - shownSteps.size() - shownRuns.size();
        if (outside > 0) {
            d.append(", ").append(outside).append(" outside the axis range not shown");
        }
        if (unlabelled > 0) {
            d.append(", ").append(unlabelled).append(unlabelled == 1 ? " step label" : " step labels")
                    .append(" left out for lack of room");
        }
        if (legendLeftOut) {
            d.append(", legend left out because it would cover marks");
        }
        d.append('.');
        for (ProgressPoint p : shownSteps) {
            d.append(" New best: ").append(tooltip(p)).append('.');
        }
        return d.toString();
    }

    /** FNV-1a over the model name and date, then a 64-bit finaliser so that similar runs spread evenly. */
    private static long hash(ProgressPoint p) {
        String key = p.model() + '\u0000' + p.evaluatedAt();
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
