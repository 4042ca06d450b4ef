package dev.evalboard.chart.client;

import java.time.Instant;
import java.util.List;

/**
 * The parts of {@code GET /api/v1/benchmarks/{benchmark}/progress} a chart draws: the runs that set a new best
 * ({@code steps}, in time order) and, when asked for, a bounded sample of the others; {@code runCount} counts every
 * run, {@code stepCount} every step.
 */
public record ProgressLine(long runCount, long stepCount, List<Run> steps, List<Run> runs) {

    /** One run. */
    public record Run(String model, Double score, Instant evaluatedAt) {
    }
}
