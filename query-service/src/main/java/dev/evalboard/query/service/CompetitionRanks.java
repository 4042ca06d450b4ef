package dev.evalboard.query.service;

/** Standard competition ranks ("1224"): equal scores share a rank, and the next rank skips the tied places. */
public final class CompetitionRanks {
    private CompetitionRanks() {
    }

    /** Ranks scores already sorted best first. (Leaderboards get the same ranks from SQL's rank().) */
    public static long[] of(double[] bestFirst) {
        long[] ranks = new long[bestFirst.length];
        for (int i = 0; i < bestFirst.length; i++) {
            ranks[i] = i > 0 && bestFirst[i] == bestFirst[i - 1] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }
}
