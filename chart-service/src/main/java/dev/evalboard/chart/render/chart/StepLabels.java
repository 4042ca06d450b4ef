package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.layout.Occupancy;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.PlacedText;
import dev.evalboard.chart.render.part.ProgressMarks;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels each step with its model, newest first (the current best matters most): at the first spot around its marker
 * that is inside the plot and over no mark, line or earlier label. A label with no such spot is left out.
 */
final class StepLabels {

    private static final double GAP = 3;

    private StepLabels() {
    }

    /** @param occupancy holds every mark and the line; placed labels are added to it */
    static List<PlacedText> place(List<ProgressPoint> steps, List<ProgressMarks.Mark> marks, Rect plot,
                                  Occupancy occupancy) {
        List<PlacedText> labels = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            String text = Fonts.fit(steps.get(i).model(), Fonts.POINT, false, plot.width());
            double w = Fonts.width(text, Fonts.POINT, false);
            ProgressMarks.Mark m = marks.get(i);
            for (Rect box : candidates(m.x(), m.y(), w, Fonts.POINT)) {
                if (free(box, plot, occupancy)) {
                    occupancy.add(box);
                    labels.add(new PlacedText(box.x(), Fonts.baseline(box.y(), Fonts.POINT), null, text));
                    break;
                }
            }
        }
        return labels;
    }

    /** Inside the plot (up to rounding: x + w - x need not be w) and over nothing taken. */
    static boolean free(Rect box, Rect plot, Occupancy occupancy) {
        return box.areaOutside(plot) < 1e-6 && !occupancy.intersects(box);
    }

    /** Above-left first: a step line leaves the space over its start free until the next step. */
    private static List<Rect> candidates(double cx, double cy, double w, double h) {
        double r = ProgressMarks.STEP_RADIUS + GAP;
        return List.of(
                new Rect(cx - w - r, cy - h - 2, w, h),
                new Rect(cx + r, cy - h - 2, w, h),
                new Rect(cx - w - r, cy + 2, w, h),
                new Rect(cx + r, cy + 2, w, h),
                new Rect(cx - w / 2, cy - r - h, w, h),
                new Rect(cx - w / 2, cy + r, w, h));
    }
}
