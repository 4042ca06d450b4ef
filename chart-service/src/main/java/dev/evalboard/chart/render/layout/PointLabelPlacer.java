package dev.evalboard.chart.render.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidate boxes for a point's label: right, left, above, below, the four diagonals, then the same eight a little
 * farther out, nearest first.
 */
public final class PointLabelPlacer {

    private static final double GAP = 3;
    private static final double FARTHER = 7;

    private PointLabelPlacer() {
    }

    /** Boxes of {@code width} × {@code height} around a marker of radius {@code r} at (cx, cy). */
    public static List<Rect> candidates(double cx, double cy, double r, double width, double height) {
        List<Rect> out = new ArrayList<>(16);
        for (double extra : new double[] {0, FARTHER}) {
            double d = r + GAP + extra;
            double e = r + extra;
            double midY = cy - height / 2;
            out.add(new Rect(cx + d, midY, width, height));
            out.add(new Rect(cx - d - width, midY, width, height));
            out.add(new Rect(cx - width / 2, cy - d - height, width, height));
            out.add(new Rect(cx - width / 2, cy + d, width, height));
            out.add(new Rect(cx + e, cy - e - height, width, height));
            out.add(new Rect(cx + e, cy + e, width, height));
            out.add(new Rect(cx - e - width, cy - e - height, width, height));
            out.add(new Rect(cx - e - width, cy + e, width, height));
        }
        return out;
    }
}
