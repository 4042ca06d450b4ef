package dev.evalboard.query.service;

import java.time.Instant;
import java.util.List;

/** Every benchmark with its metrics; counts are models with a current result, updates the newest evaluatedAt. */
public record BenchmarkList(List<Entry> benchmarks) {

    public record Entry(String name, long modelCount, Instant lastUpdate, List<Metric> metrics) {
    }

    public record Metric(String metric, boolean higherIsBetter, String unit, long modelCount, Instant lastUpdate) {
    }
}
