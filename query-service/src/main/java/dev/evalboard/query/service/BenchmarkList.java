package dev.evalboard.query.service;

import java.time.Instant;
import java.util.List;

/**
 * Every benchmark with its metrics; counts are models with a current result, updates the newest evaluatedAt. A
 * metric is described by its newest version ({@code version}, null for none), and lists all of them
 * ({@code versions}, newest first); the benchmark's own count and update span every metric and version.
 */
public record BenchmarkList(List<Entry> benchmarks) {

    public record Entry(String name, long modelCount, Instant lastUpdate, List<Metric> metrics) {
    }

    public record Metric(String metric, String version, List<String> versions, boolean higherIsBetter, String unit,
            long modelCount, Instant lastUpdate) {
    }
}
