package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.Num;
import dev.evalboard.chart.render.svg.SvgWriter;
import dev.evalboard.chart.render.theme.Theme;
import java.util.List;

/**
 * The SVG root: size, accessible name and description, one shared style block, definitions,
 * then the parts in the order given.
 */
public final class ChartDocument {

    private final int width;
    private final int height;
    private final Theme theme;
    private final String accessibleTitle;
    private final String description;

    public ChartDocument(int width, int height, Theme theme, String accessibleTitle, String description) {
        this.width = width;
        this.height = height;
        this.theme = theme;
        this.accessibleTitle = accessibleTitle;
        this.description = description;
    }

    public String render(ChartPart definitions, List<ChartPart> parts) {
        SvgWriter svg = new SvgWriter();
        svg.open("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", width).attr("height", height)
                .attr("viewBox", "0 0 " + width + " " + height)
                .attr("role", "img").attr("aria-label", accessibleTitle);
        svg.open("title").text(accessibleTitle).end("title");
        svg.open("desc").text(description).end("desc");
        svg.open("style").text(styleSheet()).end("style");
        definitions.paint(svg);
        for (ChartPart part : parts) {
            part.paint(svg);
        }
        return svg.end("svg").toSvg();
    }

    /** Shared text styles; shapes carry their own fill, so the root's text fill reaches only text. */
    private String styleSheet() {
        return "svg{font:" + num(Fonts.BASE) + "px Helvetica,Arial,sans-serif;fill:" + theme.text() + "}"
                + ".t{font-size:" + num(Fonts.TITLE) + "px;font-weight:bold}"
                + ".a{font-size:" + num(Fonts.AXIS_TITLE) + "px}"
                + ".v{font-size:" + num(Fonts.VALUE) + "px;fill:" + theme.mutedText() + "}"
                + ".l{font-size:" + num(Fonts.LEGEND) + "px}"
                + ".b{font-weight:bold}"
                + ".c{text-anchor:middle}.e{text-anchor:end}"
                + ".g{fill:none;stroke:" + theme.grid() + "}"
                + ".x{fill:none;stroke:" + theme.axis() + "}";
    }

    private static String num(double v) {
        return Num.coord(v);
    }
}
