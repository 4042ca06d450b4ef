package dev.evalboard.contract.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that carries no markup: {@code <}, {@code >} and {@code &} inside strings are written as {@code \u003c},
 * {@code \u003e} and {@code \u0026}, as Go's encoder does. The parsed values are the same, but a name or a rejected
 * parameter echoed in an answer can never be read as HTML or SVG, whatever a client sniffs or embeds.
 */
public final class HtmlSafeJson extends CharacterEscapes {
    private static final int[] ESCAPES = escapes();

    private HtmlSafeJson() {
    }

    /** Makes every string {@code mapper} writes markup-free. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(new HtmlSafeJson());
        return mapper;
    }

    private static int[] escapes() {
        int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
        escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        return escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ESCAPES;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null; // only the standard \\uXXXX escapes
    }
}
