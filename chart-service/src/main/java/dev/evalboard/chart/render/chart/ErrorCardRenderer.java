package dev.evalboard.chart.render.chart;

import dev.evalboard.chart.render.part.Background;
import dev.evalboard.chart.render.part.ChartDocument;
import dev.evalboard.chart.render.part.ChartPart;
import dev.evalboard.chart.render.part.Fonts;
import dev.evalboard.chart.render.text.FontMetrics;
import dev.evalboard.chart.render.text.TextFitter;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** A small SVG stating why a chart could not be drawn, for clients that asked for an image. */
public final class ErrorCardRenderer {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 120;
    private static final double PAD = 16;
    private static final int MAX_LINES = 3;
    private static final double DESCRIPTION_WIDTH = 5000;

    private ErrorCardRenderer() {
    }

    public static String render(int status, String headline, String message) {
        Theme theme = Theme.LIGHT;
        String title = "Chart error " + status + ": " + headline;
        List<String> lines = wrap(message, WIDTH - 2 * PAD);
        List<ChartPart> parts = new ArrayList<>();
        parts.add(new Background(WIDTH, HEIGHT, "#fff4f2"));
        parts.add(svg -> svg.open("rect").attr("x", 0.5).attr("y", 0.5).attr("width", WIDTH - 1)
                .attr("height", HEIGHT - 1).attr("fill", "none").attr("stroke", "#D55E00").close());
        parts.add(svg -> svg.textAt(PAD, Fonts.baseline(PAD, Fonts.AXIS_TITLE), "a b",
                Fonts.fitWidth(title, Fonts.AXIS_TITLE, true, WIDTH - 2 * PAD)));
        parts.add(svg -> {
            double top = PAD + Fonts.AXIS_TITLE + 10;
            for (String line : lines) {
                svg.textAt(PAD, Fonts.baseline(top, Fonts.BASE), null, line);
                top += Fonts.BASE + 5;
            }
        });
        // Messages may quote a caller's 10,000-character name; the description stays bounded too.
        String description = Fonts.fitWidth(message, Fonts.BASE, false, DESCRIPTION_WIDTH);
        return new ChartDocument(WIDTH, HEIGHT, theme, title, description).render(svg -> { }, parts);
    }

    /** Greedy word wrap by measured width; the last line ends in "…" if text remains. */
    static List<String> wrap(String message, double width) {
        List<String> lines = new ArrayList<>();
        String rest = message.strip().replaceAll("\s+", " ");
        while (!rest.isEmpty() && lines.size() < MAX_LINES - 1) {
            int cut = breakPoint(rest, width);
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            lines.add(TextFitter.fit(rest, width, Fonts.BASE, false));
        }
        return lines;
    }

    /** Where to end a line: after the last space that fits, or mid-word if even one word is too wide. */
    private static int breakPoint(String text, double width) {
        double used = 0;
        int end = 0;
        int lastSpace = -1;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            used += FontMetrics.advance(cp, false) * Fonts.BASE / 1000;
            if (used > width) {
                break;
            }
            if (cp == ' ') {
                lastSpace = end;
            }
            end += Character.charCount(cp);
        }
        if (end == text.length()) {
            return end;
        }
        return lastSpace > 0 ? lastSpace : Math.max(end, Character.charCount(text.codePointAt(0)));
    }
}
