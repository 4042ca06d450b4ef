package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ProgressPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits runs into the steps of the best score so far and the rest. Runs are taken in evaluatedAt order, equal
 * instants in the order given; a run is a step when it is strictly better than every run before it, so a run that
 * only equals the best adds no step. A score the chart cannot draw is never a step.
 */
public final class RunningBest {

    /** The steps and the other runs, both in time order. */
    public record Split(List<ProgressPoint> steps, List<ProgressPoint> others) {
    }

    private RunningBest() {
    }

    public static Split split(List<ProgressPoint> runs, boolean higherIsBetter) {
        List<ProgressPoint> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(ProgressPoint::evaluatedAt)); // stable: ties keep the given order
        List<ProgressPoint> steps = new ArrayList<>();
        List<ProgressPoint> others = new ArrayList<>();
        Double best = null;
        for (ProgressPoint run : ordered) {
            if (!Checks.drawable(run.score())) {
                others.add(run); // never a best: the chart leaves it out and counts it
            } else if (best == null || (higherIsBetter ? run.score() > best : run.score() < best)) {
                steps.add(run);
                best = run.score();
            } else {
                others.add(run);
            }
        }
        return new Split(steps, others);
    }
}
