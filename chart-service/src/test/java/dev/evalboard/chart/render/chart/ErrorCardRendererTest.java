package dev.evalboard.chart.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.SvgAssertions;
import dev.evalboard.chart.render.text.FontMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCardRendererTest {

    @Test
    void shortMessageIsOneLine() {
        assertEquals(List.of("width must be between 200 and 4000, got 10"),
                ErrorCardRenderer.wrap("width must be between 200 and 4000, got 10", 448));
    }

    @Test
    void longMessageWrapsIntoThreeMeasuredLinesEndingInAnEllipsis() {
        String message = "word ".repeat(200) + "x".repeat(10_000);
        List<String> lines = ErrorCardRenderer.wrap(message, 448);
        assertEquals(3, lines.size());
        for (String line : lines) {
            assertTrue(FontMetrics.width(line, 11, false) <= 448, line);
        }
        assertTrue(lines.get(2).endsWith("\u2026"));
    }

    @Test
    void cardStatesTheErrorAsEscapedText() {
        String svg = ErrorCardRenderer.render(400, "Bad Request", "theme must be light or dark, got '<b>'");
        List<String> texts = SvgAssertions.texts(SvgAssertions.parseClean(svg), "text");
        assertEquals(List.of("Chart error 400: Bad Request", "theme must be light or dark, got '<b>'"), texts);
    }
}
