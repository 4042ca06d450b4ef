package dev.evalboard.query.service;

import dev.evalboard.query.repository.Benchmark;
import java.util.List;

/**
 * The version of a benchmark+metric that an answer shows, and every version it has, newest first (null stands for
 * the runs without a version, always the oldest).
 */
public record VersionedBenchmark(Benchmark shown, List<String> versions) {
}
