package dev.evalboard.query.service;

import java.time.Instant;
import java.util.List;

/**
 * The best score of a benchmark over time: {@code steps} are the runs that beat every earlier run (by evaluatedAt,
 * then eventId), in time order, the latest {@link ProgressService#MAX_STEPS} of {@code stepCount}. {@code runs}
 * (only when asked for) are at most {@link ProgressService#MAX_RUNS} of the other runs, in time order;
 * {@code runCount} counts every run, steps included. {@code version} is the version shown, {@code versions} all of
 * them, newest first.
 */
public record Progress(String benchmark, String metric, String version, List<String> versions,
        boolean higherIsBetter, String unit, long runCount,
        long stepCount, List<Run> steps, List<Run> runs) {

    /** One run: a step of the best, or one of the others. */
    public record Run(String model, double score, Instant evaluatedAt, String eventId) {
    }
}
