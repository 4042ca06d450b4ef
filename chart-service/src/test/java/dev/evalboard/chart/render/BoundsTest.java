package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.contract.Openness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundsTest {

    private final BarChartRenderer bars = new BarChartRenderer(ChartLimits.DEFAULT);
    private final ScatterChartRenderer scatter = new ScatterChartRenderer(ChartLimits.DEFAULT);

    private static BarChartSpec bar(int width, int height, int models, int groups) {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            names.add("B" + g);
        }
        List<BarSeries> series = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            series.add(new BarSeries("M" + m, Collections.nCopies(groups, 50.0)));
        }
        return new BarChartSpec(null, null, names, series, Set.of(), null, null, width, height, Theme.LIGHT, true);
    }

    private ChartInputException barError(BarChartSpec spec) {
        return assertThrows(ChartInputException.class, () -> bars.render(spec));
    }

    @Test
    void sizeOutsideTwoHundredToFourThousandIsRejectedNamingTheBound() {
        ChartInputException e = barError(bar(10, 500, 2, 2));
        assertEquals("width", e.parameter());
        assertTrue(e.getMessage().contains("200") && e.getMessage().contains("4000"), e.getMessage());
        assertEquals("height", barError(bar(800, 4001, 2, 2)).parameter());
    }

    @Test
    void atMostFiftyModelsAndFiftyBenchmarks() {
        assertEquals("models", barError(bar(800, 500, 51, 2)).parameter());
        assertEquals("benchmarks", barError(bar(800, 500, 2, 51)).parameter());
        assertEquals("models", barError(bar(800, 500, 0, 2)).parameter());
        SvgAssertions.parseClean(bars.render(bar(4000, 4000, 50, 50)));
    }

    @Test
    void axisEndsMustBeOrdered() {
        BarChartSpec s = bar(800, 500, 2, 2);
        BarChartSpec reversed = new BarChartSpec(null, null, s.groups(), s.series(), Set.of(), 90.0, 30.0,
                800, 500, Theme.LIGHT, true);
        assertEquals("yMin", barError(reversed).parameter());
    }

    @Test
    void axisEndsMustBeOfSaneMagnitude() {
        BarChartSpec s = bar(800, 500, 2, 2);
        BarChartSpec huge = new BarChartSpec(null, null, s.groups(), s.series(), Set.of(), -1e308, 1e308,
                800, 500, Theme.LIGHT, true);
        assertEquals("yMin", barError(huge).parameter());
    }

    @Test
    void barValuesThatCannotBeDrawnAreLeftOutAndNamedInTheDescription() {
        BarChartSpec spec = new BarChartSpec(null, "score", List.of("A", "B"), List.of(
                new BarSeries("huge", Arrays.asList(1.7e308, Double.NaN)), new BarSeries("fine", List.of(40.0, 60.0))),
                Set.of(), null, null, 800, 500, Theme.LIGHT, true);
        org.w3c.dom.Document doc = SvgAssertions.parseClean(bars.render(spec));
        String desc = SvgAssertions.texts(doc, "desc").get(0);
        assertTrue(desc.contains("2 values left out because they cannot be drawn") && desc.contains("huge left out")
                && desc.contains("fine 60.0") && desc.contains("axis from 0 to 70"), desc);
        assertTrue(SvgAssertions.texts(doc, "text").containsAll(List.of("40.0", "60.0")));
    }

    @Test
    void beyondTwoThousandScatterPointsTheFrontierTheHighlightedAndAFixedSampleAreDrawn() {
        List<ScatterPoint> points = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            // A staircase of 10 frontier models (the smallest x for each best score), the rest below it.
            double y = i < 10 ? 90 + i : i % 80;
            points.add(new ScatterPoint("m" + i, 1e9 * (1 + i), y, Openness.OPEN_WEIGHTS));
        }
        Collections.shuffle(points, new java.util.Random(18));
        ScatterChartSpec spec = new ScatterChartSpec(null, "x", "y", points, NumberStyle.SI, true, Set.of("m4321"),
                "Ours", true, true, null, null, null, null, null, 800, 500, Theme.LIGHT);
        String svg = scatter.render(spec);
        assertEquals(svg, scatter.render(spec), "the same data gives the same sample");
        org.w3c.dom.Document doc = SvgAssertions.parseClean(svg);
        String desc = SvgAssertions.texts(doc, "desc").get(0);
        assertTrue(desc.startsWith("Scatter chart of 5000 models, 2000 drawn (the frontier, the highlighted models and "
                + "a fixed sample of the rest), 3000 not drawn"), desc);
        for (int i = 0; i < 10; i++) {
            assertTrue(desc.contains(" m" + i + ": x "), "frontier model m" + i + " drawn");
        }
        assertTrue(desc.contains(" m4321: x ") && desc.contains("(highlighted)"), "the highlighted model drawn");
        assertEquals(2000, desc.split(": x ").length - 1, "2000 points listed");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -5})
    void aLogAxisLeavesOutNonPositiveXAndSaysSo(double x) {
        List<ScatterPoint> points = List.of(new ScatterPoint("free", x, 50, Openness.CLOSED),
                new ScatterPoint("paid", 2, 60, Openness.CLOSED));
        String desc = SvgAssertions.texts(SvgAssertions.parseClean(scatter.render(scatterSpec(points, true))), "desc")
                .get(0);
        assertTrue(desc.startsWith("Scatter chart of 2 models, 1 left out because their values cannot be drawn")
                && !desc.contains("free"), desc);
        assertTrue(SvgAssertions.texts(SvgAssertions.parseClean(scatter.render(scatterSpec(points, false))), "text")
                .contains("free"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-16, -1e-16, 4.9e-324, 1.7e308, Double.NaN, Double.POSITIVE_INFINITY})
    void valuesBeyondTheTickArithmeticAreLeftOut(double bad) {
        // 4.9e-324, the least double, once made a linear axis with no span and a log domain that underflowed.
        ScatterPoint fine = new ScatterPoint("fine", 1, 50, Openness.CLOSED);
        for (boolean logX : new boolean[] {true, false}) {
            for (ScatterPoint p : List.of(new ScatterPoint("bad", bad, 50, Openness.CLOSED),
                    new ScatterPoint("bad", 1, bad, Openness.CLOSED))) {
                org.w3c.dom.Document doc = SvgAssertions.parseClean(scatter.render(scatterSpec(List.of(p, fine), logX)));
                assertTrue(SvgAssertions.texts(doc, "desc").get(0).contains("1 left out"), bad + " " + logX);
                assertTrue(SvgAssertions.texts(doc, "text").contains("fine"));
            }
        }
    }

    @Test
    void pointsOutsideFixedAxisEndsAreLeftOut() {
        List<ScatterPoint> points = List.of(new ScatterPoint("small-model", 1e9, 50, Openness.CLOSED),
                new ScatterPoint("huge-model", 1e11, 60, Openness.CLOSED));
        ScatterChartSpec spec = new ScatterChartSpec(null, "x", "y", points, NumberStyle.SI, true, Set.of(), null,
                true, true, null, null, 1e10, null, null, 800, 500, Theme.LIGHT);
        org.w3c.dom.Document doc = SvgAssertions.parseClean(scatter.render(spec));
        List<String> texts = SvgAssertions.texts(doc, "text");
        assertTrue(texts.contains("small-model") && !texts.contains("huge-model"), texts.toString());
        assertTrue(SvgAssertions.texts(doc, "desc").get(0).contains("1 outside the axis range"));
    }

    @Test
    void emptyScatterSaysNoData() {
        String svg = scatter.render(scatterSpec(List.of(), true));
        assertTrue(SvgAssertions.texts(SvgAssertions.parseClean(svg), "text").contains("No data"));
    }

    private static ScatterChartSpec scatterSpec(List<ScatterPoint> points, boolean logX) {
        return new ScatterChartSpec(null, "x", "y", points, NumberStyle.USD, logX, Set.of(), null, true, true, null,
                null, null, null, null, 800, 500, Theme.LIGHT);
    }
}
