package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** Texts placed by layout (value labels, point labels), grouped under one shared class when given. */
public final class Labels implements ChartPart {

    private final String groupClass;
    private final List<PlacedText> texts;

    public Labels(String groupClass, List<PlacedText> texts) {
        this.groupClass = groupClass;
        this.texts = texts;
    }

    @Override
    public void paint(SvgWriter svg) {
        if (texts.isEmpty()) {
            return;
        }
        if (groupClass != null) {
            svg.open("g").attr("class", groupClass);
        }
        for (PlacedText t : texts) {
            svg.textAt(t.x(), t.baseline(), t.cssClass(), t.text());
        }
        if (groupClass != null) {
            svg.end("g");
        }
    }
}
