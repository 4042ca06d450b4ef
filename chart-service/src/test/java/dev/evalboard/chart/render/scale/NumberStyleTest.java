package dev.evalboard.chart.render.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberStyleTest {

    @ParameterizedTest
    @CsvSource({"4e9, 4B", "1e10, 10B", "3.2e10, 32B", "1e11, 100B", "5e8, 500M", "1.5e12, 1.5T", "2500, 2.5K",
        "999.999e6, 1B", "7, 7", "2.53e11, 253B"})
    void parameterCountsUseSiSuffixes(double value, String expected) {
        assertEquals(expected, NumberStyle.SI.format(value, NumberStyle.SHORTEST));
    }

    @ParameterizedTest
    @CsvSource({"12.4, $12.4", "0.5, $0.5", "1200, $1.2K"})
    void costsAreDollars(double value, String expected) {
        assertEquals(expected, NumberStyle.USD.format(value, NumberStyle.SHORTEST));
    }

    @ParameterizedTest
    @CsvSource({"45, 0, 45", "2.5, 1, 2.5", "3, 1, 3.0", "0.002, -1, 0.002"})
    void plainNumbersUseTheStepsDecimals(double value, int decimals, String expected) {
        assertEquals(expected, NumberStyle.PLAIN.format(value, decimals));
    }
}
