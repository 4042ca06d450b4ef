package dev.evalboard.chart.render.svg;

/**
 * The one place where outside text becomes SVG: every title, name and label passes through
 * {@link #escape(String)} on its way into text content or an attribute value.
 */
public final class Xml {

    private Xml() {
    }

    /**
     * Escapes {@code & < > " '} so the result is safe both as text and inside a quoted attribute,
     * and drops what XML 1.0 cannot carry at all: control characters, lone surrogates, U+FFFE/U+FFFF.
     */
    public static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        escape(raw, out);
        return out.toString();
    }

    /** Appends {@link #escape(String) escaped} {@code raw} to {@code out}. */
    public static void escape(String raw, StringBuilder out) {
        int plainFrom = 0;
        int i = 0;
        while (i < raw.length()) {
            if (isPlain(raw.charAt(i))) {
                i++;
                continue;
            }
            out.append(raw, plainFrom, i);
            int cp = raw.codePointAt(i);
            int len = Character.charCount(cp);
            boolean loneSurrogate = len == 1 && Character.isSurrogate((char) cp);
            if (!loneSurrogate && isXmlChar(cp)) {
                switch (cp) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.appendCodePoint(cp);
                }
            }
            i += len;
            plainFrom = i;
        }
        out.append(raw, plainFrom, raw.length());
    }

    /** A character copied as it is, in runs: below the surrogates, not a control, not markup. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }

    /** The Char production of XML 1.0 (section 2.2). */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
