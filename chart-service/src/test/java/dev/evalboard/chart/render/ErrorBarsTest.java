package dev.evalboard.chart.render;

import dev.evalboard.contract.Openness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Whiskers span ±1.96 standard errors of the value they belong to, and only where there is a standard error. */
class ErrorBarsTest {

    /** One whisker in the path: cap, stem from top to bottom, cap. */
    private static final Pattern WHISKER = Pattern.compile(
            "M([-\\d.]+) ([-\\d.]+)H([-\\d.]+)M([-\\d.]+) ([-\\d.]+)V([-\\d.]+)M([-\\d.]+) ([-\\d.]+)H([-\\d.]+)");

    private final BarChartRenderer bars = new BarChartRenderer(ChartLimits.DEFAULT);
    private final ScatterChartRenderer scatter = new ScatterChartRenderer(ChartLimits.DEFAULT);

    @Test
    void barWhiskersSpanTheIntervalOverTheirBar() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int groups = 1 + random.nextInt(4);
            List<BarSeries> series = new ArrayList<>();
            List<double[]> expected = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                List<Double> values = new ArrayList<>();
                List<Double> stderrs = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    double v = 20 + random.nextInt(7) * 10;
                    Double se = random.nextBoolean() ? null : 0.5 + random.nextInt(4);
                    values.add(v);
                    stderrs.add(se);
                    if (se != null) {
                        expected.add(new double[] {v, se});
                    }
                }
                series.add(new BarSeries("m" + i, values, stderrs));
            }
            BarChartSpec spec = new BarChartSpec(null, "score", List.of("A", "B", "C", "D").subList(0, groups), series,
                    Set.of(), 0.0, 100.0, 800, 500, Theme.LIGHT, false, true);
            Document doc = SvgAssertions.parseClean(bars.render(spec));
            List<double[]> whiskers = whiskers(doc);
            assertEquals(expected.size(), whiskers.size(), "one whisker per value with a standard error");
            // yMin 0 and yMax 100 are fixed, so a value's pixels per unit follow from the plot's height.
            double perUnit = plotHeight(doc) / 100;
            List<Double> wanted = expected.stream().map(e -> 2 * 1.96 * e[1] * perUnit).sorted().toList();
            List<Double> drawn = whiskers.stream().map(w -> w[2] - w[1]).sorted().toList();
            for (int k = 0; k < wanted.size(); k++) {
                assertEquals(wanted.get(k), drawn.get(k), 0.25, "whisker lengths " + drawn + " vs " + wanted);
            }
        }
    }

    @Test
    void withoutTheOptionNoWhiskerIsDrawn() {
        BarChartSpec spec = new BarChartSpec(null, "score", List.of("A"), List.of(new BarSeries("m",
                List.of(50.0), List.of(2.0))), Set.of(), null, null, 800, 500, Theme.LIGHT, true, false);
        assertTrue(whiskers(SvgAssertions.parseClean(bars.render(spec))).isEmpty());
    }

    @Test
    void scatterWhiskersAreVerticalThroughTheirPoint() {
        List<ScatterPoint> points = List.of(new ScatterPoint("a", 1e9, 40, Openness.OPEN_WEIGHTS, 2.0),
                new ScatterPoint("b", 1e10, 60, Openness.CLOSED, null),
                new ScatterPoint("c", 1e11, 80, Openness.CLOSED, 1.0));
        ScatterChartSpec spec = new ScatterChartSpec(null, "x", "y", points, NumberStyle.SI, true, Set.of(), null,
                false, true, null, null, null, 0.0, 100.0, 800, 500, Theme.DARK, true);
        Document doc = SvgAssertions.parseClean(scatter.render(spec));
        List<double[]> whiskers = whiskers(doc);
        assertEquals(2, whiskers.size());
        double[] cy = circleCentres(doc);
        double perUnit = (cy[0] - cy[2]) / 40;
        assertEquals(2 * 1.96 * 2.0 * perUnit, whiskers.get(0)[2] - whiskers.get(0)[1], 0.25);
        assertEquals(2 * 1.96 * 1.0 * perUnit, whiskers.get(1)[2] - whiskers.get(1)[1], 0.25);
        assertEquals(cy[0], (whiskers.get(0)[1] + whiskers.get(0)[2]) / 2, 0.25, "centred on its point");
        assertTrue(SvgAssertions.texts(doc, "desc").get(0).contains("a: x 1B, y 40 ± 3.92"));
    }

    @Test
    void aNegativeOrNonFiniteStandardErrorIsRefused() {
        for (Double bad : Arrays.asList(-1.0, Double.NaN, Double.POSITIVE_INFINITY)) {
            BarChartSpec spec = new BarChartSpec(null, null, List.of("A"), List.of(new BarSeries("m", List.of(50.0),
                    Arrays.asList(bad))), Set.of(), null, null, 800, 500, Theme.LIGHT, true, true);
            assertEquals("stderr", assertThrows(ChartInputException.class, () -> bars.render(spec)).parameter());
        }
    }

    /** Each whisker as {x, top, bottom}, in the order drawn. */
    private static List<double[]> whiskers(Document doc) {
        List<double[]> out = new ArrayList<>();
        NodeList paths = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            Matcher m = WHISKER.matcher(path.getAttribute("d"));
            while (path.getAttribute("fill").equals("none") && !path.hasAttribute("stroke-dasharray") && m.find()) {
                out.add(new double[] {Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                        Double.parseDouble(m.group(6))});
            }
        }
        return out;
    }

    private static double plotHeight(Document doc) {
        Element axis = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(1);
        Matcher m = Pattern.compile("M[-\\d.]+ ([-\\d.]+)V([-\\d.]+)").matcher(axis.getAttribute("d"));
        assertTrue(m.find(), axis.getAttribute("d"));
        return Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1));
    }

    private static double[] circleCentres(Document doc) {
        NodeList circles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        double[] cy = new double[3];
        for (int i = 0; i < 3; i++) {
            cy[i] = Double.parseDouble(((Element) circles.item(i)).getAttribute("cy"));
        }
        return cy;
    }
}
