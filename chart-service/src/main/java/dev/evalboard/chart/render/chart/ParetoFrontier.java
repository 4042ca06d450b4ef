package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ScatterPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier as the contract defines it: a point is dominated when another is at least
 * as good on both axes and strictly better on one; lower x is better, y follows higherIsBetter.
 * Identical points are all on the frontier.
 */
public final class ParetoFrontier {

    private ParetoFrontier() {
    }

    /** Frontier points sorted by x ascending, best y first among equal x. */
    public static List<ScatterPoint> of(List<ScatterPoint> points, boolean higherIsBetter) {
        double sign = higherIsBetter ? 1 : -1;
        List<ScatterPoint> frontier = new ArrayList<>();
        for (ScatterPoint p : points) {
            boolean dominated = false;
            for (ScatterPoint q : points) {
                boolean asGood = q.x() <= p.x() && sign * q.y() >= sign * p.y();
                boolean better = q.x() < p.x() || sign * q.y() > sign * p.y();
                if (asGood && better) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                frontier.add(p);
            }
        }
        frontier.sort(Comparator.comparingDouble(ScatterPoint::x).thenComparingDouble(p -> -sign * p.y()));
        return frontier;
    }
}
