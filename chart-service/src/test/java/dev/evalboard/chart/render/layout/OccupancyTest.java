package dev.evalboard.chart.render.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucketed occupancy answers as a scan of every box would, below and above the point where it starts bucketing. */
class OccupancyTest {

    @Test
    void answersAsABruteForceScan() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            Occupancy occupancy = new Occupancy();
            List<Rect> boxes = new ArrayList<>();
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                // Whole-pixel boxes, so that shared edges (touching, not overlapping) are frequent.
                Rect box = new Rect(random.nextInt(400) - 50, random.nextInt(300) - 50, random.nextInt(60),
                        random.nextInt(30));
                occupancy.add(box);
                boxes.add(box);
            }
            for (int q = 0; q < 50; q++) {
                Rect query = new Rect(random.nextInt(400) - 50, random.nextInt(300) - 50, 1 + random.nextInt(80),
                        1 + random.nextInt(40));
                boolean expected = boxes.stream().anyMatch(b -> b.overlap(query) > 0);
                assertEquals(expected, occupancy.intersects(query), "round " + round + ", " + query);
            }
        }
    }

    @Test
    void labelsPlacedInOrderNeverOverlapAndStayInBounds() {
        Random random = new Random(5);
        Rect bounds = new Rect(0, 0, 300, 200);
        for (int round = 0; round < 100; round++) {
            LabelPlacer placer = new LabelPlacer(bounds, new Occupancy(), new Occupancy());
            List<Rect> placed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Rect box = placer.place(PointLabelPlacer.candidates(random.nextInt(300), random.nextInt(200), 5,
                        20 + random.nextInt(60), 13.2));
                if (box != null) {
                    for (Rect other : placed) {
                        assertEquals(0, other.overlap(box), "round " + round);
                    }
                    assertEquals(0, box.areaOutside(bounds), 1e-9);
                    placed.add(box);
                }
            }
            assertTrue(placed.size() > 5, "round " + round + " placed only " + placed.size());
        }
    }
}
