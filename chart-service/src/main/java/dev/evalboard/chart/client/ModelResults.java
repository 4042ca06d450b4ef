package dev.evalboard.chart.client;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/models/{model}}: a model's attributes and its current result on every benchmark and metric. */
public record ModelResults(String name, Long parameters, Long activeParameters, String openness, String organization,
        List<Run> results) {

    /** One accepted run; {@code current} when it is the model's current result on its benchmark and metric. */
    public record Run(String eventId, String benchmark, String metric, boolean higherIsBetter, String unit,
            double score, Double stderr, Long samples, Double costUsd, Instant evaluatedAt, String source,
            boolean current) {
    }

    /** {@code GET /api/v1/models/{model}/history}: accepted runs, newest first. */
    public record History(String model, int limit, long offset, List<Run> runs) {
    }
}
