package dev.evalboard.chart.render.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlacementTest {

    private final Rect plot = new Rect(0, 0, 400, 300);

    @Test
    void labelGoesRightOfAFreePoint() {
        Occupancy taken = new Occupancy();
        Rect box = new PointLabelPlacer(plot, taken).place(100, 100, 5, 50, 11);
        assertEquals(new Rect(108, 94.5, 50, 11), box);
    }

    @Test
    void labelAvoidsANeighbourOnTheRight() {
        Occupancy taken = new Occupancy();
        taken.add(new Rect(120, 95, 10, 10));
        Rect box = new PointLabelPlacer(plot, taken).place(100, 100, 5, 50, 11);
        assertEquals(new Rect(42, 94.5, 50, 11), box);
    }

    @Test
    void labelStaysInsideThePlotAtTheRightEdge() {
        Rect box = new PointLabelPlacer(plot, new Occupancy()).place(390, 100, 5, 50, 11);
        assertEquals(332, box.x(), 1e-9);
    }

    @Test
    void placedLabelsDoNotOverlapEachOther() {
        Occupancy taken = new Occupancy();
        PointLabelPlacer placer = new PointLabelPlacer(plot, taken);
        Rect first = placer.place(100, 100, 5, 60, 11);
        Rect second = placer.place(104, 102, 5, 60, 11);
        assertEquals(0, first.overlap(second));
    }

    @Test
    void crowdedPlotFallsBackToTheLeastCoveredCandidate() {
        Occupancy taken = new Occupancy();
        taken.add(new Rect(0, 0, 400, 95));
        taken.add(new Rect(0, 105, 400, 195));
        taken.add(new Rect(0, 95, 95, 10));
        Rect box = Placement.choose(java.util.List.of(new Rect(110, 94, 50, 12), new Rect(20, 94, 50, 12)), plot, taken);
        assertEquals(110, box.x());
    }
}
