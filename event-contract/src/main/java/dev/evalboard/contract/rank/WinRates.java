package dev.evalboard.contract.rank;

import java.util.Arrays;
import java.util.List;

/**
 * HELM's mean win rate. On one benchmark, a model scores 1 for each other model with a strictly worse score and 1/2
 * for each with an equal score, divided by the N - 1 other models that have a score there. Its mean win rate is
 * the mean of that over the benchmarks on which it meets at least one other model. Higher is always better.
 */
public final class WinRates {

    /** One benchmark: {@code scores[i]} is model i's score, null when it has none. */
    public record Column(Double[] scores, boolean higherIsBetter) {
    }

    private WinRates() {
    }

    /**
     * The mean win rate of each of {@code models} models over the columns, null for a model that meets no other
     * model on any benchmark. O(columns × n log n).
     */
    public static Double[] of(int models, List<Column> columns) {
        double[] sums = new double[models];
        int[] counted = new int[models];
        for (Column column : columns) {
            double[] present = Arrays.stream(column.scores()).filter(s -> s != null).mapToDouble(Double::doubleValue)
                    .sorted().toArray();
            int others = present.length - 1;
            if (others < 1) {
                continue;
            }
            for (int i = 0; i < models; i++) {
                Double score = column.scores()[i];
                if (score == null) {
                    continue;
                }
                int below = SortedCounts.below(present, score);
                int atMost = SortedCounts.atMost(present, score);
                int worse = column.higherIsBetter() ? below : present.length - atMost;
                int ties = atMost - below - 1;
                sums[i] += rate(worse, ties, others);
                counted[i]++;
            }
        }
        Double[] means = new Double[models];
        for (int i = 0; i < models; i++) {
            means[i] = counted[i] == 0 ? null : sums[i] / counted[i];
        }
        return means;
    }

    /** One benchmark's win rate: a win for each strictly worse model, half for each tie, over the others. */
    public static double rate(int strictlyWorse, int ties, int others) {
        return (strictlyWorse + ties / 2.0) / others;
    }
}
