package dev.evalboard.contract.rank;

/**
 * Scores rescaled against a benchmark's random baseline (the score of guessing), so that benchmarks with different
 * floors weigh alike: max(0, s - b) / (100 - b) × 100. 0 means no better than guessing, 100 a perfect score. Only
 * for percentages where higher is better; the baseline is in [0, 100), and 0 (no rescaling) when unknown.
 */
public final class Normalization {

    private Normalization() {
    }

    public static boolean isBaseline(double baseline) {
        return baseline >= 0 && baseline < 100;
    }

    public static double normalize(double score, double baseline) {
        return Math.max(0, score - baseline) / (100 - baseline) * 100;
    }

    /** The standard error scaled as the score is (the floor at 0 aside); null stays null. */
    public static Double stderr(Double stderr, double baseline) {
        return stderr == null ? null : stderr / (100 - baseline) * 100;
    }
}
