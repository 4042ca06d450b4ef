package dev.evalboard.contract.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Splits points into the Pareto frontier and the dominated rest, with x lower-is-better and y in the given
 * direction. A point is dominated when another is at least as good on both axes and strictly better on one, so
 * identical points never dominate each other. O(n log n): sort by x, then sweep keeping the best y seen so far.
 */
public final class ParetoFrontier {

    /** Both lists are sorted by x ascending, then best y first, then input order. */
    public record Split<T>(List<T> frontier, List<T> dominated) {
    }

    private ParetoFrontier() {
    }

    public static <T> Split<T> split(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y,
            boolean higherIsBetter) {
        // Flip y once so that higher is always better below; primitive comparisons treat -0.0 and 0.0 as equal.
        ToDoubleFunction<T> goodness = higherIsBetter ? y : p -> -y.applyAsDouble(p);
        Comparator<T> order = Comparator.<T, Double>comparing(p -> x.applyAsDouble(p), ParetoFrontier::compare)
                .thenComparing(p -> goodness.applyAsDouble(p), (a, b) -> compare(b, a));
        List<T> sorted = new ArrayList<>(points);
        sorted.sort(order);

        List<T> frontier = new ArrayList<>();
        List<T> dominated = new ArrayList<>();
        double bestAtSmallerX = Double.NEGATIVE_INFINITY;
        int start = 0;
        while (start < sorted.size()) {
            double groupX = x.applyAsDouble(sorted.get(start));
            int end = start;
            while (end < sorted.size() && x.applyAsDouble(sorted.get(end)) == groupX) {
                end++;
            }
            // Within one x the first point has the best y: points below it are dominated by it.
            double groupBest = goodness.applyAsDouble(sorted.get(start));
            for (int i = start; i < end; i++) {
                T point = sorted.get(i);
                double g = goodness.applyAsDouble(point);
                boolean beatenAtSmallerX = bestAtSmallerX >= g;
                (beatenAtSmallerX || g < groupBest ? dominated : frontier).add(point);
            }
            bestAtSmallerX = Math.max(bestAtSmallerX, groupBest);
            start = end;
        }
        return new Split<>(frontier, dominated);
    }

    private static int compare(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
