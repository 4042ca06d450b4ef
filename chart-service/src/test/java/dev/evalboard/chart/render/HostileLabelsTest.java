package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.text.FontMetrics;
import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.contract.FormatCharacters;
import dev.evalboard.contract.Openness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Names and titles that try to break out of the SVG must come out as inert, well-formed text. */
class HostileLabelsTest {

    static final String LONG = "A".repeat(10_000);

    static Stream<String> hostile() {
        return Stream.of(
                "<script>alert(1)</script>",
                "\"><svg onload=alert(1)>",
                "&amp;",
                "&lt;&#x3C;&#0;",
                "]]>",
                "' onmouseover='x",
                "<![CDATA[<script>x</script>]]>",
                "<?xml-stylesheet href='evil.xsl'?>",
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
                "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD \u202Egnp.exe",
                "\uD83D\uDE80\uD83E\uDDEA model \uD83D\uDC4D\uD83C\uDFFD",
                "ctrl\u0000\u0001\u0008\u000B\u001B[31m\u007F\uFFFE\uD800end",
                "<foreignObject><body xmlns='http://www.w3.org/1999/xhtml'>x</body></foreignObject>",
                LONG);
    }

    private final BarChartRenderer bars = new BarChartRenderer(ChartLimits.DEFAULT);
    private final ScatterChartRenderer scatter = new ScatterChartRenderer(ChartLimits.DEFAULT);

    @ParameterizedTest
    @MethodSource("hostile")
    void barChartKeepsHostileNamesAsText(String evil) {
        BarChartSpec spec = new BarChartSpec(evil, evil, List.of(evil, "plain"),
                List.of(new BarSeries(evil, List.of(50.0, 60.0)), new BarSeries("ok", java.util.Arrays.asList(40.0, null))),
                Set.of(evil), null, null, 800, 500, Theme.LIGHT, true);
        check(bars.render(spec), evil);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void scatterChartKeepsHostileNamesAsText(String evil) {
        ScatterChartSpec spec = new ScatterChartSpec(evil, evil, evil,
                List.of(new ScatterPoint(evil, 4e9, 70, Openness.OPEN_WEIGHTS),
                        new ScatterPoint("other", 3.2e10, 60, Openness.CLOSED)),
                NumberStyle.SI, true, Set.of(evil), evil, true, true, null, null, null, null, null, 800, 500, Theme.DARK);
        check(scatter.render(spec), evil);
    }

    private static void check(String svg, String evil) {
        Document doc = SvgAssertions.parseClean(svg);
        assertFalse(svg.contains("<script"), "raw markup leaked");
        assertFalse(svg.contains("<svg onload"), "raw markup leaked");
        List<String> texts = new ArrayList<>(SvgAssertions.texts(doc, "text"));
        texts.addAll(SvgAssertions.texts(doc, "title"));
        boolean plainAndShort = FontMetrics.width(evil, 12, false) < 200
                && evil.codePoints().allMatch(c -> c >= 0x20 && c < 0xFFFE && !Character.isSurrogate((char) c));
        if (plainAndShort) {
            assertTrue(texts.contains(FormatCharacters.strip(evil)), "the name must be shown literally: " + texts);
        }
        assertTrue(svg.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT),
                "no bidi override or other format character may reorder or hide a label");
        if (evil.equals(LONG)) {
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("AAAA") && t.endsWith("\u2026")), "no truncated label");
            assertTrue(texts.stream().allMatch(t -> t.length() < 400), "a label escaped truncation");
            assertTrue(svg.length() < 20_000, "long names must not bloat the chart: " + svg.length());
        }
    }
}
