package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.text.FontMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Renders the generated {@link ChartMatrix} in headless Chromium, as a reader's browser draws it, and fails on any
 * overlap the page's script measures (src/test/resources/layout/overlaps.js): two texts, or the legend over a mark,
 * a text or an axis. All charts go into one page, so Chromium starts once; the page stays in
 * target/chromium-layout.
 */
class ChromiumLayoutTest {

    private static final Pattern RESULT = Pattern.compile(
            "<pre id=\"layout-result\">charts=(\\d+) texts=(\\d+) legends=(\\d+)\\n?(.*?)</pre>", Pattern.DOTALL);

    /**
     * A figure with two texts on top of each other and a legend over a marker: the script must report both, or it
     * would pass charts it does not measure.
     */
    private static final String CONTROL = "<figure id=\"control\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"200\" height=\"150\" style=\"font:11px Helvetica,Arial,sans-serif\">"
            + "<text x=\"10\" y=\"20\">Overlapping</text><text x=\"30\" y=\"24\">labels</text>"
            + "<circle cx=\"120\" cy=\"100\" r=\"5\"/><g class=\"l\"><rect x=\"100\" y=\"80\" width=\"60\" "
            + "height=\"40\"/></g></svg></figure>";
    private static final List<String> CONTROL_PROBLEMS = List.of(
            "control: text \"Overlapping\" overlaps text \"labels\"", "control: legend covers circle");

    @Test
    void noChartOfTheMatrixHasAnOverlap() throws Exception {
        List<ChartMatrix.Case> cases = new ArrayList<>(ChartMatrix.cases());
        cases.addAll(ChartMatrix.extremeCases());
        BarChartRenderer bars = new BarChartRenderer(ChartLimits.DEFAULT);
        ScatterChartRenderer scatter = new ScatterChartRenderer(ChartLimits.DEFAULT);
        StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"></head><body>");
        for (ChartMatrix.Case c : cases) {
            String svg = c.bar() != null ? bars.render(c.bar()) : scatter.render(c.scatter());
            page.append("<figure id=\"").append(c.id()).append("\">").append(svg).append("</figure>");
        }
        page.append(CONTROL).append("<script>").append(resource("/layout/overlaps.js")).append("</script></body></html>");
        // Kept under target/ for a look in a browser when the test fails.
        Path workDir = Files.createDirectories(Path.of("target", "chromium-layout"));
        Path html = workDir.resolve("matrix.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);

        Matcher result = RESULT.matcher(HeadlessChromium.dumpDom(html, workDir));
        assertTrue(result.find(), "the page's script reported nothing: did Chromium run it?");
        assertEquals(cases.size() + 1, Integer.parseInt(result.group(1)), "charts measured");
        assertTrue(Integer.parseInt(result.group(2)) > 20 * cases.size(), "too few texts measured: " + result.group(2));
        assertTrue(Integer.parseInt(result.group(3)) > cases.size() / 2, "too few legends measured: " + result.group(3));
        List<String> found = result.group(4).lines().filter(line -> !line.isBlank()).toList();
        for (String expected : CONTROL_PROBLEMS) {
            assertTrue(found.stream().anyMatch(line -> line.startsWith(expected)),
                    "the control figure's overlap was not found: " + expected + "\n" + found);
        }
        String problems = String.join("\n", found.stream().filter(line -> !line.startsWith("control:")).toList());
        assertTrue(problems.isEmpty(), problems.lines().count() + " overlaps in " + cases.size() + " charts (page: "
                + html.toAbsolutePath() + "):\n"
                + problems);
    }

    /**
     * Every script's sample is at least as wide in {@link FontMetrics} as Chromium draws it (to 0.2%: Chromium
     * positions glyphs on a subpixel grid), so a label measured to fit does, and at most 1.75 times as wide (an
     * Arabic letter counts its widest contextual form), so labels are not cut or left out for nothing.
     */
    @Test
    void textIsMeasuredAtLeastAsWideAsChromiumDrawsIt() throws Exception {
        List<String> samples = List.of("Nvidia-Nemotron-Ultra-253B", "AM-Distill-Qwen-72B", "Déjà vu, naïve façade",
                "Œuvre Æsir ßtraße", "Модель ГигаЧат", "ЖШЩЮФ жшщюфы", "Μοντέλο ΩΣΨ", "通义千问模型", "クロード・ハイク",
                "한국어 모델", "نموذج عربي كبير", "جيس-30B-شات", "فالكون-180B", "מודל עברי", "🚀🦙😀🌍", "Mixed 模型 Модель 🚀 عربي");
        StringBuilder page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"200\" "
                + "style=\"font:100px Helvetica,Arial,sans-serif\">");
        for (String sample : samples) {
            page.append("<text x=\"0\" y=\"100\">").append(sample).append("</text>");
            page.append("<text x=\"0\" y=\"100\" font-weight=\"bold\">").append(sample).append("</text>");
        }
        page.append("</svg><script>const w = [...document.querySelectorAll('text')].map(t => "
                + "t.getBoundingClientRect().width.toFixed(2)); const p = document.createElement('pre'); "
                + "p.id = 'widths'; p.textContent = w.join(' '); document.body.appendChild(p);</script></body></html>");
        Path workDir = Files.createDirectories(Path.of("target", "chromium-layout"));
        Path html = workDir.resolve("widths.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        Matcher widths = Pattern.compile("<pre id=\"widths\">([0-9. ]+)</pre>").matcher(HeadlessChromium.dumpDom(html, workDir));
        assertTrue(widths.find(), "the page's script reported nothing");
        String[] drawn = widths.group(1).trim().split(" ");
        assertEquals(2 * samples.size(), drawn.length);
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < drawn.length; i++) {
            String sample = samples.get(i / 2);
            double measured = FontMetrics.width(sample, 100, i % 2 == 1);
            double browser = Double.parseDouble(drawn[i]);
            if (measured < 0.998 * browser || measured > 1.75 * browser) {
                wrong.append(String.format("%n  %s%s: measured %.1f, Chromium draws %.1f", sample,
                        i % 2 == 1 ? " (bold)" : "", measured, browser));
            }
        }
        assertTrue(wrong.isEmpty(), "widths that do not fit what Chromium draws:" + wrong);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ChromiumLayoutTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
