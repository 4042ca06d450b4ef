package dev.evalboard.contract.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Baseline rescaling against examples and against exact decimal arithmetic on random scores with ties. */
class NormalizationTest {

    @Test
    void guessingScoresZeroAPerfectScoreAHundredAndNoBaselineChangesNothing() {
        assertEquals(0.0, Normalization.normalize(25, 25));
        assertEquals(0.0, Normalization.normalize(10, 25), "below the baseline is floored at 0");
        assertEquals(100.0, Normalization.normalize(100, 25));
        assertEquals(50.0, Normalization.normalize(62.5, 25));
        assertEquals(73.5, Normalization.normalize(73.5, 0));
        assertEquals(4.0, Normalization.stderr(3.0, 25));
        assertEquals(null, Normalization.stderr(null, 25));
    }

    @Test
    void baselinesLieInZeroToBelowAHundred() {
        assertTrue(Normalization.isBaseline(0));
        assertTrue(Normalization.isBaseline(99.9));
        assertFalse(Normalization.isBaseline(100));
        assertFalse(Normalization.isBaseline(-0.1));
        assertFalse(Normalization.isBaseline(Double.NaN));
    }

    @Test
    void matchesExactArithmeticAndKeepsTheOrderOfScores() {
        Random random = new Random(77L);
        for (int round = 0; round < 20000; round++) {
            double baseline = random.nextInt(4) == 0 ? 0 : random.nextInt(400) / 4.0;
            double a = random.nextInt(201) / 2.0;
            double b = random.nextBoolean() ? a : random.nextInt(201) / 2.0;
            double na = Normalization.normalize(a, baseline);
            double nb = Normalization.normalize(b, baseline);
            String context = "baseline " + baseline + ", scores " + a + " " + b;
            assertEquals(exact(a, baseline), na, 1e-12, context);
            assertTrue(na >= 0 && na <= 100, context);
            if (a <= b) {
                assertTrue(na <= nb, context);
            }
            if (a == b) {
                assertEquals(na, nb, context);
            }
        }
    }

    private static double exact(double score, double baseline) {
        BigDecimal above = BigDecimal.valueOf(score).subtract(BigDecimal.valueOf(baseline)).max(BigDecimal.ZERO);
        return above.multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(baseline)), MathContext.DECIMAL64)
                .doubleValue();
    }
}
