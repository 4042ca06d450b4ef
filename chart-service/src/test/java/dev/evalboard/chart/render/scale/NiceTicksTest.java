package dev.evalboard.chart.render.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

    @ParameterizedTest
    @CsvSource({"0.3, 0.2", "1.2, 1", "1.6, 2", "2.9, 2", "3, 5", "6.9, 5", "7, 10", "0.034, 0.05", "420, 500"})
    void roundedNiceNumbersAreOneTwoFiveTimesAPowerOfTen(double x, String expected) {
        assertEquals(new BigDecimal(expected).stripTrailingZeros(), NiceTicks.niceNum(x, true).stripTrailingZeros());
    }

    @Test
    void fixedDomainKeepsItsEndsAndStepsByTen() {
        NiceTicks.Result r = NiceTicks.compute(30, 100, 8, true, true);
        assertEquals(List.of(30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0), r.values());
        assertEquals(30, r.min());
        assertEquals(100, r.max());
    }

    @Test
    void looseDomainIsWidenedToWholeSteps() {
        NiceTicks.Result r = NiceTicks.compute(50.9, 71.6, 8, false, false);
        assertEquals(List.of(50.0, 55.0, 60.0, 65.0, 70.0, 75.0), r.values());
        assertEquals(50, r.min());
        assertEquals(75, r.max());
    }

    @Test
    void smallDecimalStepsHaveNoFloatingPointNoise() {
        NiceTicks.Result r = NiceTicks.compute(0.1, 0.7, 7, false, false);
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7), r.values());
        assertEquals(1, r.decimals());
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "-3.7, 12.2", "1e-6, 3e-6", "3e9, 253e9", "-1000, -10", "42, 42.5", "0, 97"})
    void ticksAreEvenlySpacedNiceAndCoverTheData(double min, double max) {
        for (int target = 3; target <= 10; target++) {
            NiceTicks.Result r = NiceTicks.compute(min, max, target, false, false);
            List<Double> v = r.values();
            assertTrue(r.min() <= min && r.max() >= max, "domain must cover data");
            assertTrue(v.size() >= 2 && v.size() <= target, "tick count " + v.size() + " for target " + target);
            double step = r.step().doubleValue();
            assertTrue(List.of(1, 2, 5).contains(r.step().stripTrailingZeros().unscaledValue().intValue()),
                    "step " + r.step());
            for (int i = 1; i < v.size(); i++) {
                assertEquals(step, v.get(i) - v.get(i - 1), step * 1e-9);
            }
        }
    }
}
