package dev.evalboard.chart.render.layout;

import java.util.List;

/**
 * Greedy placement: the first candidate that lies inside the bounds and over nothing taken;
 * when none is free, the one with the least covered and out-of-bounds area.
 */
public final class Placement {

    /** Being outside the plot is worse than covering something inside it. */
    private static final double OUTSIDE_PENALTY = 4;

    private Placement() {
    }

    public static Rect choose(List<Rect> candidates, Rect bounds, Occupancy occupancy) {
        Rect best = candidates.get(0);
        double bestCost = Double.MAX_VALUE;
        for (Rect candidate : candidates) {
            double cost = occupancy.overlap(candidate) + OUTSIDE_PENALTY * candidate.areaOutside(bounds);
            if (cost == 0) {
                return candidate;
            }
            if (cost < bestCost) {
                best = candidate;
                bestCost = cost;
            }
        }
        return best;
    }
}
