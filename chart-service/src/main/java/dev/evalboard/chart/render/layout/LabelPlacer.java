package dev.evalboard.chart.render.layout;

import java.util.List;

/**
 * Places labels one by one in the manner of ggrepel: each label takes the first of its candidate boxes that lies
 * inside the bounds and over nothing taken, preferring one clear of the soft obstacles (lines a label may cross);
 * a label with no such candidate is left out. Callers offer labels most telling first.
 */
public final class LabelPlacer {

    /** Kept between a placed label and the next, so browser rounding never makes neighbours touch. */
    private static final double SPACING = 1;

    private final Rect bounds;
    private final Occupancy taken;
    private final Occupancy soft;

    /**
     * @param taken marks and texts no label may cover; placed labels are added to it
     * @param soft lines a label should rather not cross
     */
    public LabelPlacer(Rect bounds, Occupancy taken, Occupancy soft) {
        this.bounds = bounds;
        this.taken = taken;
        this.soft = soft;
    }

    /** The chosen box, or null when every candidate is out of bounds or over something taken. */
    public Rect place(List<Rect> candidates) {
        Rect fallback = null;
        for (Rect candidate : candidates) {
            if (!inside(candidate) || taken.intersects(candidate)) {
                continue;
            }
            if (!soft.intersects(candidate)) {
                return take(candidate);
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback == null ? null : take(fallback);
    }

    private Rect take(Rect box) {
        taken.add(new Rect(box.x() - SPACING, box.y() - SPACING, box.width() + 2 * SPACING,
                box.height() + 2 * SPACING));
        return box;
    }

    private boolean inside(Rect box) {
        return box.x() >= bounds.x() && box.y() >= bounds.y() && box.right() <= bounds.right()
                && box.bottom() <= bounds.bottom();
    }
}
