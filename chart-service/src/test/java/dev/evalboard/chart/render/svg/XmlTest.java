package dev.evalboard.chart.render.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void escapesMarkupAndBothQuotes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Xml.escape("<a href=\"x\" title='y'>&amp;</a>"));
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        assertEquals("ab\tc", Xml.escape("a\u0000\u0007b\t\u001Fc\uFFFE\uFFFF"));
        assertEquals("xy", Xml.escape("x\uD800y"));
        assertEquals("z", Xml.escape("\uDC00z"));
    }

    @Test
    void keepsSupplementaryAndRightToLeftCharacters() {
        assertEquals("\uD83D\uDE80 \u202Eשלום", Xml.escape("\uD83D\uDE80 \u202Eשלום"));
    }
}
