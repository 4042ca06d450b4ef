package dev.evalboard.chart.render.layout;

import java.util.ArrayList;
import java.util.List;

/** Boxes already covered by marks and labels, so later parts can avoid them. */
public final class Occupancy {

    private final List<Rect> taken = new ArrayList<>();

    public void add(Rect box) {
        taken.add(box);
    }

    /** Total area of {@code box} covered by what was added so far. */
    public double overlap(Rect box) {
        double sum = 0;
        for (Rect r : taken) {
            sum += r.overlap(box);
        }
        return sum;
    }
}
