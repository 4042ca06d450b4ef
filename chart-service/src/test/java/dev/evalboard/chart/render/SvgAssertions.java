package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Parses SVG output as XML with external entities and DTDs disabled, and checks what it contains. */
public final class SvgAssertions {

    /** Every element the renderer writes; anything else was injected. */
    public static final Set<String> RENDERER_ELEMENTS = Set.of("svg", "title", "desc", "style", "defs", "pattern",
            "rect", "path", "g", "text", "circle");

    private SvgAssertions() {
    }

    /**
     * The SVG as golden files store it: a line break before every tag but the first, so a diff shows element by
     * element what changed. Text and attribute values are escaped (no raw '<' or '>'), so every "><" is a boundary
     * between two tags; removing the line breaks gives the bytes back.
     */
    public static String onePerLine(String svg) {
        return svg.replace("><", ">\n<") + "\n";
    }

    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            fail("output is not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    /** Parses and checks that only the renderer's own elements and no event-handler attributes occur. */
    public static Document parseClean(String svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        assertFalse(root.getAttribute("aria-label").isEmpty(), "aria-label missing");
        checkNode(root);
        return doc;
    }

    private static void checkNode(Element element) {
        if (!RENDERER_ELEMENTS.contains(element.getLocalName())
                || !"http://www.w3.org/2000/svg".equals(element.getNamespaceURI())) {
            fail("unexpected element <" + element.getTagName() + ">");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName().toLowerCase();
            if (name.startsWith("on") || name.contains("href")) {
                fail("unexpected attribute " + name + " on <" + element.getTagName() + ">");
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                checkNode((Element) child);
            } else if (child.getNodeType() != Node.TEXT_NODE) {
                fail("unexpected node " + child.getNodeName() + " in <" + element.getTagName() + ">");
            }
        }
    }

    /** Text content of every element with this name, in document order. */
    public static List<String> texts(Document doc, String elementName) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", elementName);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
