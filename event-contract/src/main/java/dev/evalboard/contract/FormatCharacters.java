package dev.evalboard.contract;

/**
 * Unicode format characters (general category Cf: bidi overrides such as U+202E, zero-width spaces and joiners,
 * invisible tags) are invisible but reorder or disguise the text around them, so a name could read as another
 * name. They are removed from names at parse time and from chart labels at render time.
 */
public final class FormatCharacters {

    private FormatCharacters() {
    }

    /** {@code text} without its format characters; the same instance when it has none (the common case). */
    public static String strip(String text) {
        int first = indexOfFirst(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) != Character.FORMAT) {
                out.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static int indexOfFirst(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // Below U+00AD (soft hyphen) there is no format character: ASCII names skip the table lookup.
            if (codePoint >= 0xAD && Character.getType(codePoint) == Character.FORMAT) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }
}
