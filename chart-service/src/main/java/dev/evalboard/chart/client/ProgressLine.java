package dev.evalboard.chart.client;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/benchmarks/{benchmark}/progress}: the runs that set a new best ({@code steps}, in time order)
 * and, when asked for, a bounded sample of the others; {@code runCount} counts every run.
 */
public record ProgressLine(String benchmark, String metric, Boolean higherIsBetter, long runCount, long stepCount,
                           List<Run> steps, List<Run> runs) {

    /** One run. */
    public record Run(String model, Double score, Instant evaluatedAt) {
    }
}
