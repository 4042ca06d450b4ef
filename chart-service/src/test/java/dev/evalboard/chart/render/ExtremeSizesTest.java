package dev.evalboard.chart.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corners of the allowed sizes (200×150 to 4000×4000, and the long thin ones), with the matrix's data: every
 * chart renders, and what a tiny chart has no room for is counted in its description instead (ChromiumLayoutTest
 * checks the same charts for overlaps).
 */
class ExtremeSizesTest {

    @Test
    void everyCornerOfTheSizeRangeRenders() {
        BarChartRenderer bars = new BarChartRenderer(ChartLimits.DEFAULT);
        ScatterChartRenderer scatter = new ScatterChartRenderer(ChartLimits.DEFAULT);
        for (ChartMatrix.Case c : ChartMatrix.extremeCases()) {
            String svg = c.bar() != null ? bars.render(c.bar()) : scatter.render(c.scatter());
            List<String> desc = SvgAssertions.texts(SvgAssertions.parseClean(svg), "desc");
            assertFalse(desc.isEmpty(), c.id());
            if (c.id().contains("-200x150-20-")) {
                assertTrue(desc.get(0).contains("left out for lack of room"), c.id() + ": " + desc.get(0));
            }
        }
    }
}
