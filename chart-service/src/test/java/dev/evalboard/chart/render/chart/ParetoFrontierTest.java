package dev.evalboard.chart.render.chart;

import dev.evalboard.contract.pareto.ParetoFrontier;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.chart.render.ReferenceCharts;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.contract.Openness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {

    private static ScatterPoint p(String name, double x, double y) {
        return new ScatterPoint(name, x, y, Openness.UNKNOWN);
    }

    private static List<String> names(List<ScatterPoint> points) {
        return points.stream().map(ScatterPoint::name).toList();
    }

    @Test
    void referenceDataHasTheSmallestAndTheSmallStrongModelOnTheFrontier() {
        List<ScatterPoint> frontier = frontier(ReferenceCharts.scatter(Theme.LIGHT).points(), true);
        assertEquals(List.of("Mistral3-3B", "DASD-4B-Thinking"), names(frontier));
    }

    @Test
    void staircaseIsSortedByXAndDropsDominatedPoints() {
        List<ScatterPoint> points = List.of(p("big", 100, 90), p("small", 1, 50), p("mid", 10, 70),
                p("worse-mid", 20, 60), p("same-x-lower", 10, 65));
        assertEquals(List.of("small", "mid", "big"), names(frontier(points, true)));
    }

    @Test
    void identicalPointsAreAllOnTheFrontier() {
        List<ScatterPoint> points = List.of(p("a", 5, 50), p("b", 5, 50), p("c", 6, 40));
        assertEquals(List.of("a", "b"), names(frontier(points, true)));
    }

    @Test
    void theSweepAgreesWithTheDefinitionOnRandomPointsWithTies() {
        Random random = new Random(18);
        for (int round = 0; round < 3000; round++) {
            List<ScatterPoint> points = new ArrayList<>();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                // Few distinct values, so equal x, equal y and identical points are common.
                points.add(p("p" + i, 1 + random.nextInt(6), random.nextInt(5) * 10.0));
            }
            boolean higherIsBetter = random.nextBoolean();
            assertEquals(names(bruteForce(points, higherIsBetter)), names(frontier(points, higherIsBetter)),
                    "round " + round + ": " + points);
        }
    }

    /** The definition, pair by pair, sorted as the contract says (x ascending, best y first, then input order). */
    private static List<ScatterPoint> bruteForce(List<ScatterPoint> points, boolean higherIsBetter) {
        double sign = higherIsBetter ? 1 : -1;
        List<ScatterPoint> frontier = new ArrayList<>();
        for (ScatterPoint p : points) {
            boolean dominated = points.stream().anyMatch(q -> q.x() <= p.x() && sign * q.y() >= sign * p.y()
                    && (q.x() < p.x() || sign * q.y() > sign * p.y()));
            if (!dominated) {
                frontier.add(p);
            }
        }
        frontier.sort(Comparator.comparingDouble(ScatterPoint::x).thenComparingDouble(p -> -sign * p.y()));
        return frontier;
    }

    @Test
    void lowerIsBetterFlipsTheYDirection() {
        List<ScatterPoint> points = List.of(p("a", 1, 10), p("b", 2, 5), p("c", 3, 7));
        assertEquals(List.of("a", "b"), names(frontier(points, false)));
    }

    /** The contract's split, as chart-service draws it. */
    private static List<ScatterPoint> frontier(List<ScatterPoint> points, boolean higherIsBetter) {
        return ParetoFrontier.split(points, ScatterPoint::x, ScatterPoint::y, higherIsBetter).frontier();
    }
}
