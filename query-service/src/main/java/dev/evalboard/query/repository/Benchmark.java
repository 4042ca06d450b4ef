package dev.evalboard.query.repository;

/** One benchmark+metric, with the reader defaults applied (higher is better, percent). */
public record Benchmark(int id, String name, String metric, boolean higherIsBetter, String unit) {
}
