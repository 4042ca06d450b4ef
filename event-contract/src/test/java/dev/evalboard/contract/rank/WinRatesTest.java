package dev.evalboard.contract.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mean win rates against the example and against their definition on random boards with ties and gaps. */
class WinRatesTest {

    @Test
    void oneColumnOfOneWinnerAndTwoTiedModels() {
        Double[] rates = WinRates.of(3, List.of(new WinRates.Column(new Double[] { 90.0, 50.0, 50.0 }, true)));
        assertArrayEquals(new Double[] { 1.0, 0.25, 0.25 }, rates);
    }

    @Test
    void lowerIsBetterColumnsCountLowerScoresAsWinsAndModelsAverageOverWhatTheyHave() {
        Double[] rates = WinRates.of(3, List.of(
                new WinRates.Column(new Double[] { 10.0, 20.0, null }, false),
                new WinRates.Column(new Double[] { 60.0, 80.0, 70.0 }, true)));
        // Model 0: 1 on the first, 0 on the second; model 1: 0 then 1; model 2 only has the second: 1/2.
        assertArrayEquals(new Double[] { 0.5, 0.5, 0.5 }, rates);
    }

    @Test
    void aModelAloneOnEveryBenchmarkItHasHasNoWinRate() {
        Double[] rates = WinRates.of(2, List.of(new WinRates.Column(new Double[] { 10.0, null }, true),
                new WinRates.Column(new Double[] { null, null }, true)));
        assertNull(rates[0]);
        assertNull(rates[1]);
    }

    @Test
    void matchesTheDefinitionOnRandomBoardsWithTiesAndGaps() {
        Random random = new Random(4242L);
        for (int round = 0; round < 2000; round++) {
            int n = random.nextInt(25);
            List<WinRates.Column> columns = new ArrayList<>();
            for (int c = random.nextInt(5); c >= 0; c--) {
                Double[] scores = new Double[n];
                for (int i = 0; i < n; i++) {
                    scores[i] = random.nextInt(4) == 0 ? null : (double) random.nextInt(5);
                }
                columns.add(new WinRates.Column(scores, random.nextBoolean()));
            }
            Double[] actual = WinRates.of(n, columns);
            for (int i = 0; i < n; i++) {
                Double expected = bruteForce(i, n, columns);
                String context = "round " + round + ", model " + i;
                if (expected == null) {
                    assertNull(actual[i], context);
                } else {
                    assertEquals(expected, actual[i], 1e-12, context);
                }
            }
        }
    }

    /** Every pair compared directly: O(n²) per column. */
    private static Double bruteForce(int model, int n, List<WinRates.Column> columns) {
        double sum = 0;
        int counted = 0;
        for (WinRates.Column column : columns) {
            Double mine = column.scores()[model];
            if (mine == null) {
                continue;
            }
            double points = 0;
            int others = 0;
            for (int j = 0; j < n; j++) {
                Double theirs = column.scores()[j];
                if (j == model || theirs == null) {
                    continue;
                }
                others++;
                boolean beats = column.higherIsBetter() ? mine > theirs : mine < theirs;
                points += beats ? 1 : mine.equals(theirs) ? 0.5 : 0;
            }
            if (others > 0) {
                sum += points / others;
                counted++;
            }
        }
        return counted == 0 ? null : sum / counted;
    }
}
