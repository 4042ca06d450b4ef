package dev.evalboard.contract;

import java.time.Instant;

/**
 * A validated result event. {@code higherIsBetter} and {@code unit} are null when the event did not state them:
 * the stored benchmark keeps what an earlier event said, and readers default to true / percent.
 * {@code benchmarkBaseline} (the benchmark's random-guess score, in percent) is null when the event did not state it.
 * {@code benchmarkVersion} is null for a benchmark without a version; {@code settings} is {@link RunSettings#NONE}
 * when the event had none.
 */
public record ResultEvent(
        String eventId,
        ModelInfo model,
        String benchmark,
        String metric,
        double score,
        ScoreUnit unit,
        Double stderr,
        Long samples,
        Boolean higherIsBetter,
        Double costUsd,
        Instant evaluatedAt,
        String source,
        Double benchmarkBaseline,
        String benchmarkVersion,
        RunSettings settings) {

    /** Whether the run scored fewer samples than the benchmark has ({@link EventRules#isPartial}). */
    public boolean partial() {
        return EventRules.isPartial(samples, settings.samplesTotal());
    }
}
