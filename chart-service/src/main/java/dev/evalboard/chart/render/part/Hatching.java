package dev.evalboard.chart.render.part;

import dev.evalboard.chart.render.svg.SvgWriter;
import dev.evalboard.chart.render.theme.Theme;
import java.util.List;

/**
 * Diagonal stripes over a series colour, marking highlighted series. The id depends only on theme
 * and series index, which fix the pattern's colours, so two charts inlined in one page never
 * disagree about what an id means.
 */
public final class Hatching implements ChartPart {

    private final Theme theme;
    private final List<Integer> seriesIndexes;

    /** The {@code <defs>} holding one pattern per hatched series; nothing when there is none. */
    public Hatching(Theme theme, List<Integer> seriesIndexes) {
        this.theme = theme;
        this.seriesIndexes = seriesIndexes;
    }

    @Override
    public void paint(SvgWriter svg) {
        if (seriesIndexes.isEmpty()) {
            return;
        }
        svg.open("defs");
        for (int i : seriesIndexes) {
            define(svg, theme, i);
        }
        svg.end("defs");
    }

    public static String id(Theme theme, int seriesIndex) {
        return "eb-" + theme.name().charAt(0) + "h" + seriesIndex;
    }

    public static String fill(Theme theme, int seriesIndex) {
        return "url(#" + id(theme, seriesIndex) + ")";
    }

    private static void define(SvgWriter svg, Theme theme, int seriesIndex) {
        svg.open("pattern").attr("id", id(theme, seriesIndex)).attr("width", 6).attr("height", 6)
                .attr("patternUnits", "userSpaceOnUse").attr("patternTransform", "rotate(45)");
        svg.open("rect").attr("width", 6).attr("height", 6).attr("fill", theme.seriesColour(seriesIndex)).close();
        svg.open("path").attr("d", "M1.5 0V6").attr("stroke", theme.hatch()).attr("stroke-width", 1.5).close();
        svg.end("pattern");
    }
}
