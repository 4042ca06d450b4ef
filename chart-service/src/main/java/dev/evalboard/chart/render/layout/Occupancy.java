package dev.evalboard.chart.render.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Boxes already covered by marks and labels, so later parts can avoid them. A grid of buckets keeps a query
 * proportional to the boxes nearby, not to all of them: a scatter of 2,000 points places 2,000 labels.
 */
public final class Occupancy {

    private static final double CELL = 48;

    private final Map<Long, List<Rect>> buckets = new HashMap<>();

    public void add(Rect box) {
        if (box.width() <= 0 || box.height() <= 0) {
            return;
        }
        forCells(box, key -> buckets.computeIfAbsent(key, k -> new ArrayList<>(4)).add(box));
    }

    public void addAll(Occupancy other) {
        other.buckets.forEach((key, boxes) -> buckets.computeIfAbsent(key, k -> new ArrayList<>()).addAll(boxes));
    }

    /** Whether {@code box} shares area with anything added (touching is not overlapping). */
    public boolean intersects(Rect box) {
        long x0 = cell(box.x());
        long x1 = cell(box.right());
        long y0 = cell(box.y());
        long y1 = cell(box.bottom());
        for (long cx = x0; cx <= x1; cx++) {
            for (long cy = y0; cy <= y1; cy++) {
                List<Rect> bucket = buckets.get(key(cx, cy));
                if (bucket != null) {
                    for (Rect r : bucket) {
                        if (r.overlap(box) > 0) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static void forCells(Rect box, LongConsumer action) {
        for (long cx = cell(box.x()); cx <= cell(box.right()); cx++) {
            for (long cy = cell(box.y()); cy <= cell(box.bottom()); cy++) {
                action.accept(key(cx, cy));
            }
        }
    }

    private static long cell(double v) {
        return (long) Math.floor(v / CELL);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
