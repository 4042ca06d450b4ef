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
    void twoDecadesGetHalfDecades() {
        // The reference scatter's models, 3B..253B: two powers of ten are too few, half decades are enough.
        assertEquals(List.of(3.2e9, 1e10, 3.2e10, 1e11), LogTicks.compute(3e9, 253e9, 3, 10));
        assertEquals(List.of(3.2e9, 1e10, 3.2e10, 1e11, 3.2e11), LogTicks.compute(2.3e9, 3.3e11, 3, 10));
    }

    @Test
    void halfDecadesSitAtThreePointTwoExactly() {
        for (int d = -4; d <= 14; d++) {
            List<Double> expected = List.of(Double.parseDouble("3.2e" + d), Double.parseDouble("1e" + (d + 1)),
                    Double.parseDouble("3.2e" + (d + 1)));
            assertEquals(expected, LogTicks.compute(Double.parseDouble("3e" + d), Double.parseDouble("4e" + (d + 1)), 3, 10));
        }
    }

    @Test
    void lessThanTwoDecadesFallBackToOneTwoFive() {
        // 1.5e9..2.5e10 holds 3.2e9 and 1e10 only: two ticks, so 1-2-5.
        assertEquals(List.of(2e9, 5e9, 1e10, 2e10), LogTicks.compute(1.5e9, 2.5e10, 3, 10));
    }

    @Test
    void tooManyDecadesAreThinnedToEveryKth() {
        // 24 decades, at most 10 ticks: every third power of ten.
        assertEquals(List.of(1e-3, 1e0, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18), LogTicks.compute(1e-3, 1e20, 3, 10));
        // 12 decades: every second.
        assertEquals(List.of(1e0, 1e2, 1e4, 1e6, 1e8, 1e10), LogTicks.compute(1, 2e11, 3, 10));
    }

    @Test
    void narrowRangeFallsBackToEveryDigit() {
        assertEquals(List.of(4e9, 5e9, 6e9, 7e9), LogTicks.compute(3.5e9, 7.5e9, 3, 10));
    }

    @Test
    void aSetThatOvershootsLosesToTheSparserOne() {
        // Powers of ten give 2 of the 3 wanted; half decades give 5, more than 4 allowed: powers of ten.
        assertEquals(List.of(1e10, 1e11), LogTicks.compute(3e9, 4e11, 3, 4));
    }

    @Test
    void fixedEndsBecomeTicks() {
        // The reference chart's axis, xMin=4e9 and xMax=1e11: 4B, 10B, 32B, 100B.
        List<Double> free = LogTicks.compute(4e9, 1e11, 3, 10);
        assertEquals(List.of(1e10, 3.2e10, 1e11), free);
        assertEquals(List.of(4e9, 1e10, 3.2e10, 1e11), LogTicks.withFixedEnds(free, 4e9, 1e11, 0.06));
        assertEquals(List.of(4e9, 1e10, 3.2e10, 1e11), LogTicks.withFixedEnds(free, 4e9, null, 0.06));
        assertEquals(List.of(1e10, 3.2e10, 6e10), LogTicks.withFixedEnds(List.of(1e10, 3.2e10), null, 6e10, 0.06));
    }

    @Test
    void aTickTooCloseToAFixedEndGivesWay() {
        // 9B is 0.046 decades below 10B: with labels needing 0.06 decades, 10B is dropped, 32B stays.
        assertEquals(List.of(9e9, 3.2e10, 1e11), LogTicks.withFixedEnds(List.of(1e10, 3.2e10, 1e11), 9e9, 1e11, 0.06));
        assertEquals(List.of(9e9, 1e10, 3.2e10, 1e11), LogTicks.withFixedEnds(List.of(1e10, 3.2e10, 1e11), 9e9, 1e11, 0.04));
        assertEquals(List.of(1e10, 3.5e10), LogTicks.withFixedEnds(List.of(1e10, 3.2e10), null, 3.5e10, 0.06));
        // Fixed ends closer than the gap to each other: only the lower one is labelled.
        assertEquals(List.of(1e10), LogTicks.withFixedEnds(List.of(1e10), 1e10, 1.1e10, 0.06));
    }

    @ParameterizedTest
    @CsvSource({"4e9, 1e11, 0.06", "9e9, 1e11, 0.06", "3.3e9, 9.8e10, 0.1", "1e9, 1.2e9, 0.01", "2e9, 3e11, 0.3",
        "7e9, 8e10, 0.5", "1e-3, 1e15, 0.9", "1.01e10, 9.9e10, 0.05"})
    void fixedEndsKeepTheirDistance(double min, double max, double gap) {
        List<Double> ticks = LogTicks.withFixedEnds(LogTicks.compute(min, max, 3, 10), min, max, gap);
        assertEquals(min, ticks.get(0));
        assertEquals(max, ticks.get(ticks.size() - 1));
        assertTrue(Math.log10(ticks.get(1) / min) >= gap, "first gap of " + ticks);
        assertTrue(Math.log10(max / ticks.get(ticks.size() - 2)) >= gap, "last gap of " + ticks);
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i) > ticks.get(i - 1), "ascending: " + ticks);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "3e9, 253e9", "0.01, 1000", "7e9, 8e10", "1, 1e15", "2, 3", "1.5e9, 2.5e10"})
    void ticksLieInTheDomainAscendingOnDigitsOrHalfDecades(double min, double max) {
        List<Double> ticks = LogTicks.compute(min, max, 3, 10);
        assertTrue(!ticks.isEmpty() && ticks.size() <= 10, ticks.toString());
        for (int i = 0; i < ticks.size(); i++) {
            double t = ticks.get(i);
            assertTrue(t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9), t + " outside " + min + ".." + max);
            if (i > 0) {
                assertTrue(t > ticks.get(i - 1));
            }
            double mantissa = t / Math.pow(10, Math.floor(Math.log10(t) + 1e-12));
            double expected = Math.abs(mantissa - LogTicks.HALF_DECADE) < 1e-9 ? LogTicks.HALF_DECADE : Math.round(mantissa);
            assertEquals(expected, mantissa, 1e-9, "mantissa of " + t);
        }
    }
}
