package dev.evalboard.devstack.bench;

import dev.evalboard.contract.EventRules;

/**
 * The benchmark's synthetic events: event i is model i / benchmarks on benchmark i % benchmarks, so n events give
 * n distinct current results, each with the model attributes set. Every name and eventId starts with
 * {@code prefix}, so that two sets never share a model, a benchmark or an event.
 */
record BenchEvents(String prefix, int count, int benchmarks) {

    String modelName(int i) {
        return prefix + String.format("bench-model-%06d", i / benchmarks);
    }

    String benchmarkName(int i) {
        return prefix + String.format("bench-benchmark-%02d", i % benchmarks);
    }

    String eventId(int i) {
        return prefix + String.format("bench-%08d", i);
    }

    long parameters(int i) {
        return (1L + (i / benchmarks) % 997) * 100_000_000L;
    }

    String openness(int i) {
        return (i / benchmarks) % 3 == 0 ? "open-weights-open-data" : "open-weights";
    }

    double score(int i) {
        return ((i * 7919L) % 1000) / 10.0;
    }

    String evaluatedAt(int i) {
        return "2025-06-01T00:00:00Z";
    }

    String json(int i) {
        return "{\"schemaVersion\":1,\"eventId\":\"" + eventId(i) + "\",\"model\":{\"name\":\"" + modelName(i)
                + "\",\"parameters\":" + parameters(i) + ",\"openness\":\"" + openness(i)
                + "\"},\"benchmark\":\"" + benchmarkName(i) + "\",\"metric\":\"" + EventRules.DEFAULT_METRIC
                + "\",\"score\":" + score(i)
                + ",\"samples\":64,\"evaluatedAt\":\"" + evaluatedAt(i) + "\",\"source\":\"evalboard benchmark\"}";
    }
}
