package dev.evalboard.chart.render.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.text.FontMetrics;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogScaleTest {

    /** Tick labels as the scatter chart draws them: Helvetica at 11 px. */
    private static final ToDoubleFunction<String> WIDTH = label -> FontMetrics.width(label, 11, false);

    private static List<String> labels(LogScale scale) {
        return scale.ticks().stream().map(Tick::label).toList();
    }

    @Test
    void referenceScatterAxisWithItsEndsFixed() {
        // The models span 3B..253B; the reference chart shows 4B..100B.
        LogScale x = new LogScale(3e9, 253e9, 4e9, 1e11, 50, 772, NumberStyle.SI, WIDTH);
        assertEquals(List.of("4B", "10B", "32B", "100B"), labels(x));
        assertEquals(List.of(4e9, 1e10, 3.2e10, 1e11), x.ticks().stream().map(Tick::value).toList());
        assertEquals(50, x.toPixel(4e9), 1e-9);
        assertEquals(772, x.toPixel(1e11), 1e-9);
    }

    @Test
    void referenceScatterAxisWithFreeEnds() {
        assertEquals(List.of("3.2B", "10B", "32B", "100B", "320B"),
                labels(new LogScale(3e9, 253e9, null, null, 50, 772, NumberStyle.SI, WIDTH)));
    }

    @Test
    void aTickTooCloseToAFixedEndMakesWayForIt() {
        // 8B is 0.097 decades below 10B: 64 px on this axis, room for both labels.
        assertEquals(List.of("8B", "10B", "32B", "100B"),
                labels(new LogScale(3e9, 253e9, 8e9, 1e11, 50, 772, NumberStyle.SI, WIDTH)));
        // 25 px on a narrower axis: 10B gives way.
        assertEquals(List.of("8B", "32B", "100B"),
                labels(new LogScale(3e9, 253e9, 8e9, 1e11, 50, 330, NumberStyle.SI, WIDTH)));
        // 9.5B is 16 px from 10B even on the wide axis.
        assertEquals(List.of("9.5B", "32B", "100B"),
                labels(new LogScale(3e9, 253e9, 9.5e9, 1e11, 50, 772, NumberStyle.SI, WIDTH)));
    }

    @Test
    void aNarrowAxisGetsFewerTicks() {
        LogScale wide = new LogScale(1e6, 1e12, null, null, 0, 720, NumberStyle.SI, WIDTH);
        LogScale narrow = new LogScale(1e6, 1e12, null, null, 0, 120, NumberStyle.SI, WIDTH);
        assertEquals(List.of("1M", "10M", "100M", "1B", "10B", "100B", "1T"), labels(wide));
        assertTrue(narrow.ticks().size() < wide.ticks().size() && narrow.ticks().size() >= 2, labels(narrow).toString());
    }

    @Test
    void aDomainTooNarrowForLogTicksGetsLinearOnes() {
        LogScale x = new LogScale(1.01e9, 1.29e9, null, null, 0, 720, NumberStyle.SI, WIDTH);
        assertEquals(List.of("950M", "1B", "1.05B", "1.1B", "1.15B", "1.2B", "1.25B", "1.3B", "1.35B"), labels(x));
    }

    @Test
    void aFixedEndRoundedToItsNeighboursLabelIsShownOnce() {
        // On an axis fixed to 9.99e8..1.01e9, the end 9.99e8 and the tick at 1e9, 66 px away, both read "1B".
        LogScale x = new LogScale(5e8, 5e9, 9.99e8, 1.01e9, 0, 720, NumberStyle.SI, WIDTH);
        assertEquals(List.of(9.99e8, 1.01e9), x.ticks().stream().map(Tick::value).toList());
        assertEquals(List.of("1B", "1.01B"), labels(x));
    }

    @Test
    void anAxisTooNarrowForAnyLabelsToFitStillHasTwoTicks() {
        LogScale x = new LogScale(1.01e9, 1.29e9, null, null, 0, 40, NumberStyle.SI, WIDTH);
        assertTrue(x.ticks().size() >= 2, labels(x).toString());
    }

    @ParameterizedTest
    @CsvSource({
        "3e9, 253e9, 4e9, 1e11, 720, SI", "3e9, 253e9, 9e9, 1e11, 720, SI", "3e9, 253e9, 9.5e9, , 300, SI",
        "3e9, 253e9, , 3.3e10, 150, SI", "1e9, 1e12, 1.234e9, 9.87e11, 120, SI", "1e9, 1.3e9, 1.01e9, 1.29e9, 720, SI",
        "1e9, 1.3e9, 1.01e9, 1.29e9, 130, SI", "0.5, 2000, 0.7, 1900, 400, USD", "0.5, 2000, 0.7, , 200, USD",
        "1e-3, 1e15, 2e-3, 9e14, 720, PLAIN", "5e8, 5e9, 9.99e8, 1.01e9, 720, SI", "5e8, 5e12, 1.1e9, 4.9e12, 260, SI",
        "1e6, 1e12, , , 120, SI", "1e-3, 1e15, , , 150, PLAIN", "1.01e9, 1.29e9, , , 130, SI", "0.5, 2000, , , 130, USD",
        "5e8, 5e9, 9.99e8, , 720, SI", "1e9, 1.3e9, 1.001e9, 1.004e9, 720, SI"})
    void labelsNeverOverlapAndFixedEndsAreTicks(double dataMin, double dataMax, Double fixedMin, Double fixedMax,
                                               double pixels, NumberStyle style) {
        LogScale x = new LogScale(dataMin, dataMax, fixedMin, fixedMax, 0, pixels, style, WIDTH);
        List<Tick> ticks = x.ticks();
        assertTrue(ticks.size() >= (fixedMin != null && fixedMax != null ? 1 : 2), "ticks: " + labels(x));
        if (fixedMin != null) {
            assertEquals(fixedMin, ticks.get(0).value(), "the fixed minimum is the first tick: " + labels(x));
        }
        if (fixedMax != null && (fixedMin == null || ticks.size() > 1)) {
            assertEquals(fixedMax, ticks.get(ticks.size() - 1).value(), "the fixed maximum is the last tick: " + labels(x));
        }
        assertEquals(ticks.size(), labels(x).stream().distinct().count(), "a label shown twice: " + labels(x));
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            double blank = x.toPixel(b.value()) - x.toPixel(a.value())
                    - (WIDTH.applyAsDouble(a.label()) + WIDTH.applyAsDouble(b.label())) / 2;
            assertTrue(blank >= 6 - 1e-9, a.label() + " and " + b.label() + " are " + blank + " px apart: " + labels(x));
        }
    }
}
