package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** The value axis on the left: axis line, right-aligned tick labels and a rotated title. */
public final class LeftAxis implements ChartPart {

    public static final double LABEL_GAP = 6;
    /** A label is centred on its tick: the baseline sits about a third of an em below it. */
    public static final double BASELINE_SHIFT = 0.35;

    private final Rect plot;
    private final List<AxisLabel> labels;
    private final String title;
    private final double titleX;

    /** @param titleX where the rotated title's baseline sits; ignored when {@code title} is null */
    public LeftAxis(Rect plot, List<AxisLabel> labels, String title, double titleX) {
        this.plot = plot;
        this.labels = labels;
        this.title = title;
        this.titleX = titleX;
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.open("path").attr("class", "x")
                .attr("d", new PathData().moveTo(plot.x(), plot.y()).verticalTo(plot.bottom()).toString()).close();
        svg.open("g").attr("class", "e");
        double x = plot.x() - LABEL_GAP;
        for (AxisLabel label : labels) {
            svg.textAt(x, label.position() + Fonts.TICK * BASELINE_SHIFT, null, label.text());
        }
        svg.end("g");
        if (title != null) {
            double centre = plot.y() + plot.height() / 2;
            svg.open("text").attr("class", "a c").attr("transform",
                            "rotate(-90 " + Num.coord(titleX) + " " + Num.coord(centre) + ")")
                    .attr("x", titleX).attr("y", centre).text(title).end("text");
        }
    }
}
