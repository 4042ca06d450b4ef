package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
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
    void axisEndsAndValuesMustBeOfSaneMagnitude() {
        BarChartSpec s = bar(800, 500, 2, 2);
        BarChartSpec huge = new BarChartSpec(null, null, s.groups(), s.series(), Set.of(), -1e308, 1e308,
                800, 500, Theme.LIGHT, true);
        assertEquals("yMin", barError(huge).parameter());
        BarChartSpec nan = new BarChartSpec(null, null, s.groups(),
                List.of(new BarSeries("m", List.of(Double.NaN, 1.0))), Set.of(), null, null, 800, 500, Theme.LIGHT, true);
        assertEquals("value", barError(nan).parameter());
    }

    @Test
    void atMostTwoThousandScatterPoints() {
        List<ScatterPoint> points = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            points.add(new ScatterPoint("m" + i, 1e9 + i * 1e7, i % 100, Openness.OPEN_WEIGHTS));
        }
        ChartInputException e = assertThrows(ChartInputException.class, () -> scatter.render(scatterSpec(points, true)));
        assertEquals("points", e.parameter());
        SvgAssertions.parseClean(scatter.render(scatterSpec(points.subList(0, 2000), true)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -5})
    void logAxisRejectsNonPositiveX(double x) {
        List<ScatterPoint> points = List.of(new ScatterPoint("free", x, 50, Openness.CLOSED));
        assertEquals("logX", assertThrows(ChartInputException.class,
                () -> scatter.render(scatterSpec(points, true))).parameter());
        SvgAssertions.parseClean(scatter.render(scatterSpec(points, false)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-16, -1e-16, 4.9e-324})
    void valuesTooCloseToZeroForTickArithmeticAreRejected(double tiny) {
        // 4.9e-324, the least double, once made a linear axis with no span and a log domain that underflowed.
        for (boolean logX : new boolean[] {true, false}) {
            List<ScatterPoint> points = List.of(new ScatterPoint("tiny", tiny, 50, Openness.CLOSED));
            assertEquals("x", assertThrows(ChartInputException.class,
                    () -> scatter.render(scatterSpec(points, logX))).parameter());
        }
        List<ScatterPoint> points = List.of(new ScatterPoint("tiny", 1, tiny, Openness.CLOSED));
        assertEquals("y", assertThrows(ChartInputException.class,
                () -> scatter.render(scatterSpec(points, false))).parameter());
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
