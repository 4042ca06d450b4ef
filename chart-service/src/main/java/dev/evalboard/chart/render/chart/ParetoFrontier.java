package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ScatterPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier as the contract defines it: a point is dominated when another is at least
 * as good on both axes and strictly better on one; lower x is better, y follows higherIsBetter.
 * Identical points are all on the frontier. O(n log n): sort by x, then sweep keeping the best y
 * seen at smaller x (a POST may carry tens of thousands of points).
 */
public final class ParetoFrontier {

    private ParetoFrontier() {
    }

    /** Frontier points sorted by x ascending, best y first among equal x, then in input order. */
    public static List<ScatterPoint> of(List<ScatterPoint> points, boolean higherIsBetter) {
        double sign = higherIsBetter ? 1 : -1;
        List<ScatterPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(ScatterPoint::x).thenComparingDouble(p -> -sign * p.y()));
        List<ScatterPoint> frontier = new ArrayList<>();
        double bestAtSmallerX = Double.NEGATIVE_INFINITY;
        int start = 0;
        while (start < sorted.size()) {
            double groupX = sorted.get(start).x();
            double groupBest = sign * sorted.get(start).y();
            int end = start;
            // Primitive comparisons, as in the definition: -0.0 and 0.0 are one x.
            while (end < sorted.size() && sorted.get(end).x() == groupX) {
                double goodness = sign * sorted.get(end).y();
                if (goodness > bestAtSmallerX && goodness >= groupBest) {
                    frontier.add(sorted.get(end));
                }
                end++;
            }
            bestAtSmallerX = Math.max(bestAtSmallerX, groupBest);
            start = end;
        }
        return frontier;
    }
}
