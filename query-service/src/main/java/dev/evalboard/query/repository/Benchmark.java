package dev.evalboard.query.repository;

/**
 * One benchmark+metric+version, with the reader defaults applied (higher is better, percent); {@code version} is null
 * for the benchmark's runs without a version.
 */
public record Benchmark(int id, String name, String metric, boolean higherIsBetter, String unit, String version) {
}
