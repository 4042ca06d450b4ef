package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.theme.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reference charts must come out byte for byte as in src/test/resources/golden. After an
 * intended rendering change, regenerate them with
 * {@code ./mvnw -B -o -pl chart-service verify -Dtest=GoldenChartsTest -Dgolden.update=true}
 * and review the diff before committing.
 */
class GoldenChartsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private final BarChartRenderer bars = new BarChartRenderer(ChartLimits.DEFAULT);
    private final ScatterChartRenderer scatter = new ScatterChartRenderer(ChartLimits.DEFAULT);

    @Test
    void barChartMatchesGolden() throws IOException {
        String svg = bars.render(ReferenceCharts.bar(Theme.LIGHT));
        SvgAssertions.parseClean(svg);
        assertGolden("bar-chart.svg", svg);
    }

    @Test
    void darkBarChartMatchesGolden() throws IOException {
        String svg = bars.render(ReferenceCharts.bar(Theme.DARK));
        SvgAssertions.parseClean(svg);
        assertGolden("bar-chart-dark.svg", svg);
    }

    @Test
    void scatterChartMatchesGolden() throws IOException {
        String svg = scatter.render(ReferenceCharts.scatter(Theme.LIGHT));
        SvgAssertions.parseClean(svg);
        assertGolden("scatter-chart.svg", svg);
    }

    @Test
    void referenceChartsAreCompact() {
        // Vega writes about 13 KB for the same bar chart.
        assertTrue(bars.render(ReferenceCharts.bar(Theme.LIGHT)).getBytes(StandardCharsets.UTF_8).length < 8000);
        assertTrue(scatter.render(ReferenceCharts.scatter(Theme.LIGHT)).getBytes(StandardCharsets.UTF_8).length < 8000);
    }

    @Test
    void sameInputGivesSameBytes() {
        assertEquals(bars.render(ReferenceCharts.bar(Theme.LIGHT)), bars.render(ReferenceCharts.bar(Theme.LIGHT)));
        assertEquals(scatter.render(ReferenceCharts.scatter(Theme.LIGHT)),
                scatter.render(ReferenceCharts.scatter(Theme.LIGHT)));
    }

    @Test
    void barChartShowsEveryValueAndName() {
        Document doc = SvgAssertions.parseClean(bars.render(ReferenceCharts.bar(Theme.LIGHT)));
        List<String> texts = SvgAssertions.texts(doc, "text");
        for (String value : List.of("72.7", "96.2", "64.3", "59.1", "76.5", "97.0", "70.0", "57.5")) {
            assertTrue(texts.contains(value), "value label " + value + " missing");
        }
        assertTrue(texts.containsAll(ReferenceCharts.BAR_BENCHMARKS));
        assertTrue(texts.containsAll(ReferenceCharts.BAR_MODELS));
        assertTrue(texts.containsAll(List.of("30", "50", "100")), "y ticks from 30 to 100 expected: " + texts);
    }

    @Test
    void scatterChartLabelsEveryModelAndUsesParameterUnits() {
        Document doc = SvgAssertions.parseClean(scatter.render(ReferenceCharts.scatter(Theme.LIGHT)));
        List<String> texts = SvgAssertions.texts(doc, "text");
        for (ScatterPoint p : ReferenceCharts.scatter(Theme.LIGHT).points()) {
            assertTrue(texts.contains(p.name()), "label " + p.name() + " missing");
        }
        assertTrue(texts.containsAll(List.of("10B", "100B", "Our Model", "Open-Weights Only",
                "Open-Weights & Open-Data", "Pareto frontier")), texts.toString());
    }

    @Test
    void aFrontierOfOneModelIsNeitherDrawnNorNamed() {
        ScatterChartSpec reference = ReferenceCharts.scatter(Theme.LIGHT);
        ScatterChartSpec oneModel = new ScatterChartSpec(reference.title(), reference.xTitle(), reference.yTitle(),
                reference.points(), reference.xStyle(), true, reference.highlight(), reference.highlightLabel(),
                true, true, Set.of("DASD-4B-Thinking"), null, null, null, null, 800, 500, Theme.LIGHT);
        // The frontier's staircase and its legend swatch are the chart's only dashed lines.
        assertEquals(2, dashedPaths(SvgAssertions.parseClean(scatter.render(reference))));
        Document doc = SvgAssertions.parseClean(scatter.render(oneModel));
        assertEquals(0, dashedPaths(doc));
        assertFalse(SvgAssertions.texts(doc, "text").contains("Pareto frontier"));
    }

    private static int dashedPaths(Document doc) {
        NodeList paths = doc.getElementsByTagName("path");
        int dashed = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            if (((Element) paths.item(i)).hasAttribute("stroke-dasharray")) {
                dashed++;
            }
        }
        return dashed;
    }

    private static void assertGolden(String name, String svg) throws IOException {
        Path file = GOLDEN.resolve(name);
        String actual = SvgAssertions.onePerLine(svg);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.out.println("golden file rewritten on request: " + file.toAbsolutePath());
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; create it on purpose with -Dgolden.update=true");
        }
        List<String> expected = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
        List<String> lines = actual.lines().toList();
        for (int i = 0; i < Math.max(expected.size(), lines.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(end of file)";
            String got = i < lines.size() ? lines.get(i) : "(end of file)";
            if (!want.equals(got)) {
                fail("rendering of " + name + " differs from the golden file at line " + (i + 1) + ":\n  expected "
                        + want + "\n  actual   " + got + "\nIf the change is intended, regenerate with: ./mvnw -B -o "
                        + "-pl chart-service verify -Dtest=GoldenChartsTest -Dgolden.update=true (then review the diff)");
            }
        }
    }
}
