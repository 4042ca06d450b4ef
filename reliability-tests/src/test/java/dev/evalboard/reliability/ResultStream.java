package dev.evalboard.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Events with unique ids spread over many models, two benchmarks' worth of metrics and a small set of instants, so
 * that the same (model, benchmark, metric) gets several runs, some at the same instant (the eventId tie-break).
 */
final class ResultStream {
    private static final Instant FIRST_DAY = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] BENCHMARKS = {"AIME 2024", "MATH-500", "GPQA Diamond", "LiveCodeBench v5",
        "HumanEval", "MMLU-Pro", "SWE-bench Verified", "ARC-AGI"};

    private ResultStream() {
    }

    static List<SentEvent> generate(String prefix, int count, long seed) {
        return generate(prefix, count, 2_000, seed);
    }

    /** {@code count} events over {@code models} models. */
    static List<SentEvent> generate(String prefix, int count, int models, long seed) {
        Random random = new Random(seed);
        List<SentEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String model = String.format("%s-model-%04d", prefix, random.nextInt(models));
            String benchmark = BENCHMARKS[random.nextInt(BENCHMARKS.length)];
            String metric = random.nextInt(5) == 0 ? "pass@5" : "pass@1";
            double score = random.nextInt(1_001) / 10.0;
            Instant evaluatedAt = FIRST_DAY.plusSeconds(3_600L * random.nextInt(500));
            events.add(new SentEvent(String.format("%s-%07d", prefix, i), model, benchmark, metric, score,
                    evaluatedAt));
        }
        return events;
    }
}
