package dev.evalboard.chart.render.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumTest {

    @Test
    void coordinatesHaveAtMostOneDecimal() {
        assertEquals("12.3", Num.coord(12.345));
        assertEquals("12", Num.coord(12.04));
        assertEquals("0", Num.coord(-0.04));
        assertEquals("-3.5", Num.coord(-3.45));
    }

    @Test
    void fixedKeepsTrailingZero() {
        assertEquals("70.0", Num.fixed(70, 1));
        assertEquals("76.5", Num.fixed(76.5, 1));
    }
}
