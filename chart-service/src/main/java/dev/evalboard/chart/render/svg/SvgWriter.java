package dev.evalboard.chart.render.svg;

/**
 * Appends SVG markup. Attribute values and text given as strings always go through
 * {@link Xml#escape(String, StringBuilder)}; numbers are formatted by {@link Num}. Nothing here writes
 * raw caller text.
 */
public final class SvgWriter {

    private final StringBuilder out = new StringBuilder(8192);
    private boolean tagOpen;

    /** Starts {@code <name}; add attributes, then {@link #text}, children, or {@link #end}. */
    public SvgWriter open(String name) {
        closeStartTag();
        out.append('<').append(name);
        tagOpen = true;
        return this;
    }

    public SvgWriter attr(String name, String value) {
        out.append(' ').append(name).append("=\"");
        Xml.escape(value, out);
        out.append('"');
        return this;
    }

    public SvgWriter attr(String name, double value) {
        out.append(' ').append(name).append("=\"");
        Num.appendCoord(out, value).append('"');
        return this;
    }

    public SvgWriter text(String value) {
        closeStartTag();
        Xml.escape(value, out);
        return this;
    }

    /** Closes the element opened last; an element with no content is written self-closed. */
    public SvgWriter end(String name) {
        if (tagOpen) {
            out.append("/>");
            tagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** A childless element whose attributes were just added. */
    public SvgWriter close() {
        out.append("/>");
        tagOpen = false;
        return this;
    }

    /** Writes a complete text element: {@code <text x y [class]>escaped</text>}. */
    public SvgWriter textAt(double x, double y, String cssClass, String value) {
        open("text").attr("x", x).attr("y", y);
        if (cssClass != null) {
            attr("class", cssClass);
        }
        return text(value).end("text");
    }

    private void closeStartTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    public String toSvg() {
        closeStartTag();
        return out.toString();
    }
}
