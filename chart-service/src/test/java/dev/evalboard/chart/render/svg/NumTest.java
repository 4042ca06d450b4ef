package dev.evalboard.chart.render.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
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

    @Test
    void roundingFollowsTheDecimalNotTheBinaryValue() {
        // 1.005 and 0.15 are stored a little below themselves; as written they round up.
        assertEquals("1.01", Num.trimmed(1.005, 2));
        assertEquals("0.2", Num.coord(0.15));
        assertEquals("-0.2", Num.coord(-0.15));
        assertEquals("2.68", Num.fixed(2.675, 2));
        assertEquals(1.0, Num.rounded(0.995, 2));
        assertEquals("0.0", Num.fixed(-0.04, 1));
        assertEquals("0.002", Num.trimmed(0.002, 6));
        assertEquals("100000000000000000000", Num.coord(1e20));
    }

    /** The BigDecimal definitions the fast path must agree with. */
    private static String referenceTrimmed(double v, int decimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static String referenceFixed(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void fastPathAgreesWithBigDecimal() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            double v;
            switch (i % 4) {
                case 0 -> v = random.nextDouble(-1000, 1000);
                case 1 -> v = random.nextDouble() * Math.pow(10, random.nextInt(-8, 16)) * (random.nextBoolean() ? 1 : -1);
                // Decimal ties and near-ties such as 12.35, 0.125, 7.45000001.
                case 2 -> v = (random.nextInt(-200_000, 200_000) + 0.5) / Math.pow(10, random.nextInt(0, 5));
                default -> v = Math.nextUp((random.nextInt(0, 100_000) + 0.5) / Math.pow(10, random.nextInt(0, 4)));
            }
            int decimals = random.nextInt(0, 8);
            assertEquals(referenceTrimmed(v, decimals), Num.trimmed(v, decimals), v + " to " + decimals);
            assertEquals(referenceFixed(v, decimals), Num.fixed(v, decimals), v + " to " + decimals);
            assertEquals(new BigDecimal(referenceFixed(v, decimals)).doubleValue(), Num.rounded(v, decimals),
                    v + " to " + decimals);
        }
    }
}
