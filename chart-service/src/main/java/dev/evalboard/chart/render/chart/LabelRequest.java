package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.part.PlacedText;
import java.util.List;

/** A label to place at one of its candidate boxes, nearest first; centred labels are anchored mid-box. */
record LabelRequest(String text, double size, String cssClass, boolean centred, List<Rect> candidates) {

    PlacedText at(Rect box) {
        return new PlacedText(centred ? box.x() + box.width() / 2 : box.x(), Fonts.baselineOfBox(box.y(), size),
                cssClass, text);
    }
}
