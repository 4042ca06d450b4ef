package dev.evalboard.query.cache;

import dev.evalboard.contract.change.ResultChange;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the changes a {@link ResponseCache} handled, so that a computation can tell whether what it read changed
 * while it ran. Not thread-safe: the cache calls it under its lock.
 */
final class ChangeEpochs {
    private long epoch;
    /** The epoch of the last invalidation of everything (the feed became live, was lost, or could not be read). */
    private long resetEpoch;
    /** The epoch of the last invalidation of any kind: answers that depend on every change compare with it. */
    private long anyChangeEpoch;
    /** The epoch at which each benchmark was last invalidated; one entry per benchmark ever changed. */
    private final Map<ResultChange.Benchmark, Long> changedAt = new HashMap<>();

    long current() {
        return epoch;
    }

    /** Notes {@code change}; returns its epoch. */
    long changed(ResultChange change) {
        long changeEpoch = ++epoch;
        anyChangeEpoch = changeEpoch;
        change.benchmarks().forEach(board -> changedAt.put(board.board(), changeEpoch));
        return changeEpoch;
    }

    /** Notes that everything may have changed. */
    void reset() {
        epoch++;
        resetEpoch = epoch;
        anyChangeEpoch = epoch;
    }

    /** Whether something {@code key} depends on changed after {@code startedEpoch}. */
    boolean changedSince(CacheKey key, long startedEpoch) {
        if (resetEpoch > startedEpoch) {
            return true;
        }
        if (key.boards() == null) {
            return anyChangeEpoch > startedEpoch;
        }
        for (ResultChange.Benchmark board : key.boards()) {
            if (changedAt.getOrDefault(board, 0L) > startedEpoch) {
                return true;
            }
        }
        return false;
    }
}
