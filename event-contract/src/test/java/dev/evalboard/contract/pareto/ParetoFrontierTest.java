package dev.evalboard.contract.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Pareto split against its definition; plain JUnit, no application needed. */
class ParetoFrontierTest {

    record P(int id, double x, double y) {
    }

    @Test
    void identicalPointsAreAllOnTheFrontierAndTheFrontierIsSortedByX() {
        List<P> points = List.of(new P(0, 5, 50), new P(1, 3, 40), new P(2, 5, 50), new P(3, 6, 40),
                new P(4, 3, 40), new P(5, 4, 30));
        ParetoFrontier.Split<P> split = ParetoFrontier.split(points, P::x, P::y, true);
        assertEquals(List.of(1, 4, 0, 2), split.frontier().stream().map(P::id).toList());
        assertEquals(List.of(5, 3), split.dominated().stream().map(P::id).toList());
    }

    @Test
    void lowerIsBetterFlipsOnlyTheYAxis() {
        List<P> points = List.of(new P(0, 1, 90), new P(1, 2, 10), new P(2, 3, 10), new P(3, 0.5, 95));
        ParetoFrontier.Split<P> split = ParetoFrontier.split(points, P::x, P::y, false);
        assertEquals(List.of(3, 0, 1), split.frontier().stream().map(P::id).toList());
        assertEquals(List.of(2), split.dominated().stream().map(P::id).toList());
    }

    @Test
    void matchesTheBruteForceDefinitionOnRandomPointSetsWithTiesAndDuplicates() {
        Random random = new Random(20250701L);
        for (int round = 0; round < 5000; round++) {
            int n = random.nextInt(40);
            // Few distinct values, so that equal x, equal y and identical points are common.
            int spread = 1 + random.nextInt(8);
            List<P> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                points.add(new P(i, random.nextInt(spread), random.nextInt(spread) + (random.nextBoolean() ? 0.5 : 0)));
            }
            boolean higherIsBetter = random.nextBoolean();
            ParetoFrontier.Split<P> split = ParetoFrontier.split(points, P::x, P::y, higherIsBetter);

            List<Integer> expectedFrontier = points.stream()
                    .filter(p -> points.stream().noneMatch(q -> dominates(q, p, higherIsBetter)))
                    .map(P::id).sorted().toList();
            String context = "round " + round + ": " + points + " higherIsBetter=" + higherIsBetter;
            assertEquals(expectedFrontier, split.frontier().stream().map(P::id).sorted().toList(), context);
            assertEquals(n, split.frontier().size() + split.dominated().size(), context);
            assertSortedByX(split.frontier(), context);
        }
    }

    /** The contract's definition, checked pair by pair: O(n²). */
    private static boolean dominates(P q, P p, boolean higherIsBetter) {
        boolean yAtLeast = higherIsBetter ? q.y() >= p.y() : q.y() <= p.y();
        boolean yBetter = higherIsBetter ? q.y() > p.y() : q.y() < p.y();
        return q.x() <= p.x() && yAtLeast && (q.x() < p.x() || yBetter);
    }

    private static void assertSortedByX(List<P> frontier, String context) {
        List<P> sorted = new ArrayList<>(frontier);
        sorted.sort(Comparator.comparingDouble(P::x));
        assertEquals(sorted.stream().map(P::x).toList(), frontier.stream().map(P::x).toList(), context);
    }
}
