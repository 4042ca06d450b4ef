package dev.evalboard.chart.render;

import java.time.Instant;

/** One run of a benchmark: the model, when it was evaluated and its score. */
public record ProgressPoint(String model, Instant evaluatedAt, double score) {
}
