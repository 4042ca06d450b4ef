package dev.evalboard.query.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository.Score;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table's and the Pareto set's mean against exact decimal arithmetic, on scores up to the largest double. */
class ModelScoresTest {
    private static final ModelRow MODEL = new ModelRow(1, "m", null, null, null, null);

    @Test
    void theMeansStandardErrorIsTheRootOfTheSummedSquaresOverTheCount() {
        Random random = new Random(12);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(8);
            List<Benchmark> benchmarks = new ArrayList<>();
            Map<Integer, Score> scores = new HashMap<>();
            boolean anyMissing = false;
            BigDecimal squares = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                // Ties and zeros on purpose; now and then a result without a standard error.
                Double se = random.nextInt(10) == 0 ? null : random.nextInt(4) * 0.5;
                anyMissing |= se == null;
                squares = se == null ? squares : squares.add(new BigDecimal(se).pow(2));
                benchmarks.add(new Benchmark(i, "b" + i, "pass@1", true, "raw", null));
                scores.put(i, new Score(i, MODEL, 50, se, null, null, null, false));
            }
            Double stderr = new ModelScores(MODEL, benchmarks, scores).meanStderr();
            if (anyMissing) {
                assertNull(stderr, "round " + round);
            } else {
                double expected = squares.sqrt(MathContext.DECIMAL128).doubleValue() / n;
                assertEquals(expected, stderr, 1e-12, "round " + round);
            }
        }
    }

    @Test
    void theMeanIsTheExactMeanRoundedAndNeverInfinite() {
        Random random = new Random(18);
        for (int round = 0; round < 5000; round++) {
            int n = 1 + random.nextInt(20);
            boolean huge = random.nextBoolean();
            List<Benchmark> benchmarks = new ArrayList<>();
            Map<Integer, Score> scores = new HashMap<>();
            BigDecimal exact = BigDecimal.ZERO;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                // Ties on purpose: a few distinct values, some at the very top of the double range.
                double score = huge ? Double.MAX_VALUE * (1 - random.nextInt(3) * 0.25) * (random.nextInt(5) == 0 ? -1 : 1)
                        : random.nextInt(4) * 12.5;
                benchmarks.add(new Benchmark(i, "b" + i, "pass@1", true, "raw", null));
                scores.put(i, new Score(i, MODEL, score, null, null, null, null, false));
                exact = exact.add(new BigDecimal(score));
                largest = Math.max(largest, Math.abs(score));
            }
            double mean = new ModelScores(MODEL, benchmarks, scores).mean();
            double expected = exact.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
            assertTrue(Double.isFinite(mean), "round " + round);
            // Each term is rounded once: the error is relative to the largest score, not to a cancelled mean.
            assertEquals(expected, mean, largest * 1e-14, "round " + round);
            if (!huge) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += scores.get(i).score();
                }
                assertEquals(sum / n, mean, 0, "ordinary means stay bit-equal to sum / n");
            }
        }
    }
}
