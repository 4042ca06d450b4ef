package dev.evalboard.chart.render.layout;

import java.util.List;

/**
 * Puts a point's label beside its marker: right, left, above, below, then the four diagonals,
 * taking the first position that is inside the plot and over no marker or earlier label.
 */
public final class PointLabelPlacer {

    private static final double GAP = 3;

    private final Rect bounds;
    private final Occupancy occupancy;

    /** @param occupancy should already hold every marker; placed labels are added to it */
    public PointLabelPlacer(Rect bounds, Occupancy occupancy) {
        this.bounds = bounds;
        this.occupancy = occupancy;
    }

    /** The chosen box for a label of the given size next to a marker of radius {@code r} at (cx, cy). */
    public Rect place(double cx, double cy, double r, double width, double height) {
        double d = r + GAP;
        double midY = cy - height / 2;
        List<Rect> candidates = List.of(
                new Rect(cx + d, midY, width, height),
                new Rect(cx - d - width, midY, width, height),
                new Rect(cx - width / 2, cy - d - height, width, height),
                new Rect(cx - width / 2, cy + d, width, height),
                new Rect(cx + r, cy - r - height, width, height),
                new Rect(cx + r, cy + r, width, height),
                new Rect(cx - r - width, cy - r - height, width, height),
                new Rect(cx - r - width, cy + r, width, height));
        Rect chosen = Placement.choose(candidates, bounds, occupancy);
        occupancy.add(chosen);
        return chosen;
    }
}
