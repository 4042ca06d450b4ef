package dev.evalboard.chart.render.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTicksTest {

    @Test
    void manyDecadesGetPowersOfTen() {
        assertEquals(List.of(1e9, 1e10, 1e11, 1e12), LogTicks.compute(5e8, 2e12, 3, 10));
    }

    @Test
    void twoDecadesGetOneTwoFive() {
        assertEquals(List.of(5e9, 1e10, 2e10, 5e10, 1e11, 2e11), LogTicks.compute(2.5e9, 3e11, 3, 10));
    }

    @Test
    void tooManyDecadesAreThinnedToEveryKth() {
        // 24 decades, at most 10 ticks: every third power of ten.
        assertEquals(List.of(1e-3, 1e0, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18), LogTicks.compute(1e-3, 1e20, 3, 10));
    }

    @Test
    void narrowRangeFallsBackToEveryDigit() {
        assertEquals(List.of(4e9, 5e9, 6e9, 7e9), LogTicks.compute(3.5e9, 7.5e9, 3, 10));
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "3e9, 253e9", "0.01, 1000", "7e9, 8e10", "1, 1e15", "2, 3"})
    void ticksLieInTheDomainAscendingWithMantissaOneTwoOrFive(double min, double max) {
        List<Double> ticks = LogTicks.compute(min, max, 3, 10);
        assertTrue(!ticks.isEmpty() && ticks.size() <= 10, ticks.toString());
        for (int i = 0; i < ticks.size(); i++) {
            double t = ticks.get(i);
            assertTrue(t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9), t + " outside " + min + ".." + max);
            if (i > 0) {
                assertTrue(t > ticks.get(i - 1));
            }
            double mantissa = t / Math.pow(10, Math.floor(Math.log10(t) + 1e-12));
            assertEquals(Math.round(mantissa), mantissa, 1e-9, "mantissa of " + t);
        }
    }
}
