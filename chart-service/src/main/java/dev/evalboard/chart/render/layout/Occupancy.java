package dev.evalboard.chart.render.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Boxes already covered by marks and labels, so later parts can avoid them. Past a few dozen boxes a grid of buckets
 * keeps a query proportional to the boxes nearby, not to all of them: a scatter of 2,000 points places 2,000 labels;
 * below that a plain scan is quicker.
 */
public final class Occupancy {

    private static final double CELL = 48;
    private static final int SCAN_LIMIT = 64;

    private final List<Rect> taken = new ArrayList<>();
    private Map<Long, List<Rect>> buckets;

    public void add(Rect box) {
        if (box.width() <= 0 || box.height() <= 0) {
            return;
        }
        taken.add(box);
        if (buckets != null) {
            index(box);
        } else if (taken.size() > SCAN_LIMIT) {
            buckets = new HashMap<>();
            taken.forEach(this::index);
        }
    }

    public void addAll(Occupancy other) {
        other.taken.forEach(this::add);
    }

    /** Whether {@code box} shares area with anything added (touching is not overlapping). */
    public boolean intersects(Rect box) {
        if (buckets == null) {
            for (Rect r : taken) {
                if (r.overlap(box) > 0) {
                    return true;
                }
            }
            return false;
        }
        for (long cx = cell(box.x()); cx <= cell(box.right()); cx++) {
            for (long cy = cell(box.y()); cy <= cell(box.bottom()); cy++) {
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

    private void index(Rect box) {
        forCells(box, key -> buckets.computeIfAbsent(key, k -> new ArrayList<>(4)).add(box));
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
