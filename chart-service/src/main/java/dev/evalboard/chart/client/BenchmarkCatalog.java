package dev.evalboard.chart.client;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/benchmarks}: every benchmark with its metrics, model count and last update. */
public record BenchmarkCatalog(List<Entry> benchmarks) {

    public record Entry(String name, long modelCount, Instant lastUpdate, List<Metric> metrics) {
    }

    public record Metric(String metric, boolean higherIsBetter, String unit, long modelCount, Instant lastUpdate) {
    }
}
