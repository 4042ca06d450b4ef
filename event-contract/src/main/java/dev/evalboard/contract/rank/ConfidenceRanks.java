package dev.evalboard.contract.rank;

import java.util.Arrays;

/**
 * Confidence-aware ranks, LMArena's "rank (UB)": a model's {@code ciRank} is 1 + the number of models whose whole 95%
 * confidence interval lies strictly beyond the better end of its own, so models whose intervals overlap share a
 * rank. The interval is score ± {@link #Z} standard errors, or the score alone when there is no standard error.
 * query-service computes the same numbers in SQL from the same expressions ({@link #LOW_SQL}, {@link #HIGH_SQL}),
 * which the schema indexes; both sides use the same floating-point operations, so they agree bit for bit.
 */
public final class ConfidenceRanks {

    /** The two-sided 95% normal quantile. */
    public static final double Z = 1.96;
    /** {@link #low} in SQL over a row alias {@code %1$s}; V3__benchmark_baseline_and_interval_indexes.sql indexes it. */
    public static final String LOW_SQL = "(%1$s.score - 1.96::float8 * coalesce(%1$s.stderr, 0::float8))";
    /** {@link #high} in SQL over a row alias {@code %1$s}; V3__benchmark_baseline_and_interval_indexes.sql indexes it. */
    public static final String HIGH_SQL = "(%1$s.score + 1.96::float8 * coalesce(%1$s.stderr, 0::float8))";

    private ConfidenceRanks() {
    }

    public static double low(double score, Double stderr) {
        return stderr == null ? score : score - Z * stderr;
    }

    public static double high(double score, Double stderr) {
        return stderr == null ? score : score + Z * stderr;
    }

    /**
     * The ciRank of every interval: with higher is better, 1 + the number of intervals whose low end is greater than
     * this one's high end; mirrored (high end below this low end) when lower is better. O(n log n).
     */
    public static long[] of(double[] lows, double[] highs, boolean higherIsBetter) {
        double[] worseEnds = (higherIsBetter ? lows : highs).clone();
        Arrays.sort(worseEnds);
        long[] ranks = new long[lows.length];
        for (int i = 0; i < lows.length; i++) {
            long beyond = higherIsBetter ? worseEnds.length - SortedCounts.atMost(worseEnds, highs[i])
                    : SortedCounts.below(worseEnds, lows[i]);
            ranks[i] = 1 + beyond;
        }
        return ranks;
    }
}
