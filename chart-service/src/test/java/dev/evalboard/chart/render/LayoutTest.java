package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.chart.render.layout.Rect;
import dev.evalboard.chart.render.text.FontMetrics;
import dev.evalboard.chart.render.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads the reference charts back and checks that legend and labels keep clear of the data. */
class LayoutTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    void barLegendIsTopRightAndCoversNoBarOrValue() {
        Document doc = SvgAssertions.parseClean(
                new BarChartRenderer(ChartLimits.DEFAULT).render(ReferenceCharts.bar(Theme.LIGHT)));
        Rect legend = legendBox(doc);
        assertTrue(legend.x() > 400 && legend.y() < 100, "top-right expected, got " + legend);
        List<Rect> bars = new ArrayList<>();
        for (Element rect : elements(doc, "rect")) {
            Element parent = (Element) rect.getParentNode();
            if (parent.getLocalName().equals("g") && parent.hasAttribute("fill")) {
                bars.add(box(rect));
            }
        }
        assertEquals(16, bars.size());
        for (Rect bar : bars) {
            assertEquals(0, legend.overlap(bar), "legend over a bar at " + bar);
        }
        for (Element text : elements(doc, "text")) {
            if ("v c".equals(((Element) text.getParentNode()).getAttribute("class"))) {
                assertEquals(0, legend.overlap(textBox(text, 10, true)), "legend over value " + text.getTextContent());
            }
        }
    }

    @Test
    void scatterLegendIsBottomRightAndLabelsAvoidEachOtherAndTheMarkers() {
        Document doc = SvgAssertions.parseClean(
                new ScatterChartRenderer(ChartLimits.DEFAULT).render(ReferenceCharts.scatter(Theme.LIGHT)));
        Rect legend = legendBox(doc);
        assertTrue(legend.x() > 400 && legend.y() > 300, "bottom-right expected, got " + legend);
        List<Rect> markers = new ArrayList<>();
        for (Element c : elements(doc, "circle")) {
            if (!isInLegend(c)) {
                double cx = Double.parseDouble(c.getAttribute("cx"));
                double cy = Double.parseDouble(c.getAttribute("cy"));
                double r = Double.parseDouble(c.getAttribute("r"));
                markers.add(new Rect(cx - r, cy - r, 2 * r, 2 * r));
            }
        }
        assertEquals(11, markers.size());
        List<Rect> labels = new ArrayList<>();
        for (Element text : elements(doc, "text")) {
            if (text.getParentNode() == doc.getDocumentElement() && List.of("", "b").contains(text.getAttribute("class"))) {
                labels.add(textBox(text, 11, false));
            }
        }
        assertEquals(12, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            assertEquals(0, legend.overlap(labels.get(i)), "legend over label " + labels.get(i));
            for (int j = i + 1; j < labels.size(); j++) {
                assertEquals(0, labels.get(i).overlap(labels.get(j)), "labels overlap: " + labels.get(i) + labels.get(j));
            }
            for (Rect m : markers) {
                assertEquals(0, labels.get(i).overlap(m), "label over marker: " + labels.get(i) + " " + m);
            }
        }
        for (Rect m : markers) {
            assertEquals(0, legend.overlap(m), "legend over marker " + m);
        }
    }

    private static Rect legendBox(Document doc) {
        for (Element g : elements(doc, "g")) {
            if ("l".equals(g.getAttribute("class"))) {
                return box((Element) elements(g, "rect").get(0));
            }
        }
        throw new AssertionError("no legend");
    }

    private static boolean isInLegend(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element; n = n.getParentNode()) {
            if ("l".equals(((Element) n).getAttribute("class"))) {
                return true;
            }
        }
        return false;
    }

    private static Rect box(Element rect) {
        return new Rect(Double.parseDouble(rect.getAttribute("x")), Double.parseDouble(rect.getAttribute("y")),
                Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height")));
    }

    /** The measured box of a text; centred texts are anchored in the middle. Coordinates are rounded to 0.1. */
    private static Rect textBox(Element text, double size, boolean centred) {
        boolean bold = text.getAttribute("class").contains("b");
        double w = FontMetrics.width(text.getTextContent(), size, bold);
        double x = Double.parseDouble(text.getAttribute("x")) - (centred ? w / 2 : 0);
        double top = Double.parseDouble(text.getAttribute("y")) - 0.78 * size;
        return new Rect(x + 0.1, top + 0.1, w - 0.2, size - 0.2);
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
