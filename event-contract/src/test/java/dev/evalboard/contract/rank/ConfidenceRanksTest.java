package dev.evalboard.contract.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ciRank against the example and against its definition, pair by pair, on random intervals with ties. */
class ConfidenceRanksTest {

    @Test
    void overlappingIntervalsShareARankAndADisjointBetterOneComesFirst() {
        // A [90,100], B [95,105], C [110,120]: C is beyond both; A and B overlap, and only C is beyond either.
        double[] lows = { 90, 95, 110 };
        double[] highs = { 100, 105, 120 };
        assertArrayEquals(new long[] { 2, 2, 1 }, ConfidenceRanks.of(lows, highs, true));
    }

    @Test
    void lowerIsBetterMirrorsTheRule() {
        // Latencies: C [10,20] is beyond (below) A [90,100] and B [95,105], which overlap.
        assertArrayEquals(new long[] { 2, 2, 1 },
                ConfidenceRanks.of(new double[] { 90, 95, 10 }, new double[] { 100, 105, 20 }, false));
    }

    @Test
    void touchingIntervalsOverlapAndNoStderrMeansThePointItself() {
        assertEquals(70.0, ConfidenceRanks.low(70, null));
        assertEquals(70.0, ConfidenceRanks.high(70, null));
        assertEquals(70 - 1.96 * 2, ConfidenceRanks.low(70, 2.0));
        assertEquals(70 + 1.96 * 2, ConfidenceRanks.high(70, 2.0));
        // [80,90] and [90,100] touch: neither is strictly beyond the other, so both rank 1; the equal points
        // [50,50] are beyond neither and share rank 3.
        assertArrayEquals(new long[] { 1, 1, 3, 3 },
                ConfidenceRanks.of(new double[] { 80, 90, 50, 50 }, new double[] { 90, 100, 50, 50 }, true));
    }

    @Test
    void matchesTheDefinitionOnRandomIntervalsWithTies() {
        Random random = new Random(20261129L);
        for (int round = 0; round < 3000; round++) {
            int n = random.nextInt(30);
            double[] lows = new double[n];
            double[] highs = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct scores and standard errors, so equal ends and touching intervals are common.
                double score = random.nextInt(6) * 5;
                Double stderr = random.nextInt(3) == 0 ? null : (double) random.nextInt(4);
                lows[i] = ConfidenceRanks.low(score, stderr);
                highs[i] = ConfidenceRanks.high(score, stderr);
            }
            boolean higherIsBetter = random.nextBoolean();
            long[] expected = new long[n];
            for (int i = 0; i < n; i++) {
                long beyond = 0;
                for (int j = 0; j < n; j++) {
                    beyond += (higherIsBetter ? lows[j] > highs[i] : highs[j] < lows[i]) ? 1 : 0;
                }
                expected[i] = 1 + beyond;
            }
            assertArrayEquals(expected, ConfidenceRanks.of(lows, highs, higherIsBetter),
                    "round " + round + ": " + Arrays.toString(lows) + " " + Arrays.toString(highs));
        }
    }
}
