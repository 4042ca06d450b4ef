package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.svg.PathData;
import dev.evalboard.chart.render.svg.SvgWriter;
import java.util.List;

/** The bottom axis: axis line, centred labels under their positions and an optional title. */
public final class BottomAxis implements ChartPart {

    public static final double LABEL_GAP = 4;
    static final double TITLE_GAP = 8;

    private final Rect plot;
    private final List<AxisLabel> labels;
    private final double labelSize;
    private final String title;

    public BottomAxis(Rect plot, List<AxisLabel> labels, double labelSize, String title) {
        this.plot = plot;
        this.labels = labels;
        this.labelSize = labelSize;
        this.title = title;
    }

    /** Space the axis needs below the plot area. */
    public static double height(double labelSize, boolean hasTitle) {
        return LABEL_GAP + labelSize + (hasTitle ? TITLE_GAP + Fonts.AXIS_TITLE : 0) + 4;
    }

    @Override
    public void paint(SvgWriter svg) {
        svg.open("path").attr("class", "x")
                .attr("d", new PathData().moveTo(plot.x(), plot.bottom()).horizontalTo(plot.right()).toString()).close();
        double labelBaseline = Fonts.baseline(plot.bottom() + LABEL_GAP, labelSize);
        svg.open("g").attr("class", labelSize == Fonts.CATEGORY ? "a c" : "c");
        for (AxisLabel label : labels) {
            svg.textAt(label.position(), labelBaseline, null, label.text());
        }
        svg.end("g");
        if (title != null) {
            double top = plot.bottom() + LABEL_GAP + labelSize + TITLE_GAP;
            svg.textAt(plot.x() + plot.width() / 2, Fonts.baseline(top, Fonts.AXIS_TITLE), "a c", title);
        }
    }
}
