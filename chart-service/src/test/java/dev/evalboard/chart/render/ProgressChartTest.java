package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.evalboard.chart.render.chart.ProgressChartRenderer;
import dev.evalboard.chart.render.chart.RunningBest;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.text.FontMetrics;
import dev.evalboard.chart.render.theme.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The progress chart: its reference rendering (golden file, and the README's docs/progress.svg, both rewritten with
 * {@code -Dgolden.update=true}), and its layout at every size: no text over text, no legend over a mark, a tooltip on
 * every point, and every label left out counted in the description.
 */
class ProgressChartTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Path GOLDEN = Path.of("src/test/resources/golden/progress-chart.svg");
    private static final Path README_EXAMPLE = Path.of("../docs/progress.svg");

    private final ProgressChartRenderer renderer = new ProgressChartRenderer(ChartLimits.DEFAULT);

    @Test
    void referenceChartMatchesGoldenFileAndTheReadmeExample() throws IOException {
        String svg = renderer.render(ProgressReference.spec(Theme.LIGHT, 800, 500));
        SvgAssertions.parseClean(svg);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, svg, StandardCharsets.UTF_8);
            Files.writeString(README_EXAMPLE, svg, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), svg, "rendering differs from " + GOLDEN
                + "; if intended, regenerate with -Dtest=ProgressChartTest -Dgolden.update=true and review the diff");
        assertEquals(svg, Files.readString(README_EXAMPLE, StandardCharsets.UTF_8), "docs/progress.svg is stale");
    }

    @Test
    void everyStepIsLabelledWithItsModelAndEveryPointHasATooltip() {
        ProgressChartSpec spec = ProgressReference.spec(Theme.LIGHT, 800, 500);
        Document doc = SvgAssertions.parseClean(renderer.render(spec));
        List<String> texts = SvgAssertions.texts(doc, "text");
        List<String> stepModels = spec.steps().stream().map(ProgressPoint::model).toList();
        // Mistral3-3B only ties the best (58.5) and adds no step; on 2025-08-01 the seed's runs count in eventId order.
        assertEquals(List.of("Qwen-32B", "Mistral3-8B", "Qwen3-14B", "Nvidia-Nemotron-Ultra-253B", "AM-thinking-v1",
                "Qwen-32B", "AM-thinking-v1", "DASD-4B-Thinking"), stepModels);
        assertTrue(texts.containsAll(stepModels), texts.toString());
        List<Element> points = pointsOf(doc);
        assertEquals(spec.steps().size() + spec.runs().size(), points.size());
        for (Element point : points) {
            assertEquals(1, point.getElementsByTagNameNS(SVG_NS, "title").getLength(), "tooltip missing");
        }
        assertTrue(texts.containsAll(List.of("2025-02", "2025-08", "Best so far", "Other runs")), texts.toString());
    }

    @Test
    void noTextOverlapsTextAndTheLegendCoversNoMarkAtAnySize() {
        Random random = new Random(7);
        List<int[]> sizes = new ArrayList<>(List.of(new int[] {200, 200}, new int[] {4000, 4000},
                new int[] {200, 4000}, new int[] {4000, 200}, new int[] {800, 500}));
        for (int i = 0; i < 40; i++) {
            sizes.add(new int[] {200 + random.nextInt(3801), 200 + random.nextInt(3801)});
        }
        for (int[] size : sizes) {
            for (ProgressChartSpec spec : List.of(ProgressReference.spec(Theme.LIGHT, size[0], size[1]),
                    crowded(size[0], size[1]))) {
                checkLayout(renderer.render(spec), size[0] + "x" + size[1]);
            }
        }
    }

    /** Many steps with long names close together: most labels cannot be placed and must be left out, and counted. */
    private static ProgressChartSpec crowded(int width, int height) {
        List<ProgressPoint> runs = new ArrayList<>();
        Random random = new Random(width * 31L + height);
        for (int i = 0; i < 300; i++) {
            runs.add(new ProgressPoint("An-Extremely-Long-Model-Name-Number-" + i,
                    Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * random.nextInt(24 * 400)),
                    random.nextDouble() * 100));
        }
        RunningBest.Split split = RunningBest.split(runs, random.nextBoolean());
        return new ProgressChartSpec("A crowded history with a title long enough to be cut at small sizes", "score",
                split.steps(), split.others(), 0, null, null, width, height, Theme.DARK);
    }

    private static void checkLayout(String svg, String size) {
        Document doc = SvgAssertions.parseClean(svg);
        List<Rect> texts = new ArrayList<>();
        int labelled = 0;
        for (Element text : elements(doc, "text")) {
            Rect box = textBox(text);
            for (Rect other : texts) {
                assertEquals(0, box.overlap(other), size + ": '" + text.getTextContent() + "' overlaps other text");
            }
            texts.add(box);
            if (text.getParentNode() == doc.getDocumentElement() && !text.hasAttribute("class")) {
                labelled++;
            }
        }
        Element legend = legend(doc);
        if (legend != null) {
            Rect box = rect((Element) legend.getElementsByTagNameNS(SVG_NS, "rect").item(0));
            for (Element point : pointsOf(doc)) {
                double r = Double.parseDouble(point.getAttribute("r"));
                Rect mark = new Rect(Double.parseDouble(point.getAttribute("cx")) - r,
                        Double.parseDouble(point.getAttribute("cy")) - r, 2 * r, 2 * r);
                assertEquals(0, box.overlap(mark), size + ": legend covers a mark");
            }
        }
        String desc = SvgAssertions.texts(doc, "desc").get(0);
        int steps = (int) desc.split("New best:", -1).length - 1;
        if (labelled < steps) {
            assertTrue(desc.contains((steps - labelled) + (steps - labelled == 1 ? " step label" : " step labels")
                    + " left out"), size + ": unplaced labels not counted: " + desc);
        } else {
            assertEquals(steps, labelled, size);
        }
    }

    private static Element legend(Document doc) {
        for (Element g : elements(doc, "g")) {
            if ("l".equals(g.getAttribute("class"))) {
                return g;
            }
        }
        return null;
    }

    /** Plot points: circles outside the legend. */
    private static List<Element> pointsOf(Document doc) {
        return elements(doc, "circle").stream().filter(c -> !inLegend(c)).toList();
    }

    private static boolean inLegend(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element; n = n.getParentNode()) {
            if ("l".equals(((Element) n).getAttribute("class"))) {
                return true;
            }
        }
        return false;
    }

    /** A text's measured box from its style class: size from the class of it or its group, anchor likewise. */
    private static Rect textBox(Element text) {
        String cls = text.getAttribute("class") + " " + ((Element) text.getParentNode()).getAttribute("class");
        double size = cls.contains("t") ? 16 : cls.contains("a") ? 12 : cls.contains("l") ? 12 : 11;
        boolean bold = cls.contains("t") || cls.contains("b");
        double w = FontMetrics.width(text.getTextContent(), size, bold);
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        if (text.hasAttribute("transform")) {
            // The y axis title, turned a quarter left about its centred anchor: it runs upwards.
            return new Rect(x - 0.78 * size + 0.1, y - w / 2 + 0.1, size - 0.2, w - 0.2);
        }
        double left = cls.contains("c") ? x - w / 2 : cls.contains("e") ? x - w : x;
        double top = y - 0.78 * size;
        return new Rect(left + 0.1, top + 0.1, w - 0.2, size - 0.2);
    }

    private static Rect rect(Element rect) {
        return new Rect(Double.parseDouble(rect.getAttribute("x")), Double.parseDouble(rect.getAttribute("y")),
                Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height")));
    }

    private static List<Element> elements(Node root, String name) {
        NodeList nodes = root instanceof Document d ? d.getElementsByTagNameNS(SVG_NS, name)
                : ((Element) root).getElementsByTagNameNS(SVG_NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
