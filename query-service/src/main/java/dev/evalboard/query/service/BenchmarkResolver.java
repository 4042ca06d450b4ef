package dev.evalboard.query.service;

import dev.evalboard.contract.BenchmarkVersions;
import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.BenchmarkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Turns requested benchmark names (and versions) into stored benchmarks, or a 404 that says what exists instead. */
@ApplicationScoped
public class BenchmarkResolver {
    private static final Comparator<Benchmark> NEWEST_FIRST = Comparator.comparing(Benchmark::version,
            BenchmarkVersions.NATURAL_ORDER).reversed();

    private final BenchmarkRepository benchmarks;

    public BenchmarkResolver(BenchmarkRepository benchmarks) {
        this.benchmarks = benchmarks;
    }

    /** The benchmark's newest version (event-contract's {@link BenchmarkVersions} order). */
    public Benchmark resolve(String name, String metric) {
        return resolve(name, metric, null).shown();
    }

    /** The version asked for, or the newest when {@code version} is null, with every version there is. */
    public VersionedBenchmark resolve(String name, String metric, String version) {
        List<Benchmark> versions = benchmarks.versionsOf(name, metric).stream().sorted(NEWEST_FIRST).toList();
        if (versions.isEmpty()) {
            List<String> metrics = benchmarks.metricsOf(name);
            throw ProblemException.notFound(metrics.isEmpty()
                    ? "No benchmark is named '" + name + "'."
                    : "Benchmark '" + name + "' has no metric '" + metric + "'; it has " + String.join(", ", metrics)
                            + ".");
        }
        List<String> names = versions.stream().map(Benchmark::version).toList();
        Benchmark shown = version == null ? versions.get(0) : versions.stream()
                .filter(b -> Objects.equals(b.version(), version)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Benchmark '" + name + "' (" + metric
                        + ") has no version '" + version + "'; it has " + describe(names) + "."));
        return new VersionedBenchmark(shown, names);
    }

    /** Resolves several benchmarks (newest versions) that are to be averaged, which needs them to agree on the direction. */
    public List<Benchmark> resolveAll(List<String> names, String metric) {
        List<Benchmark> resolved = names.stream().map(name -> resolve(name, metric)).toList();
        if (resolved.stream().map(Benchmark::higherIsBetter).distinct().count() > 1) {
            throw ProblemException.badRequest("These benchmarks do not agree on whether higher is better, so their"
                    + " scores cannot be averaged.");
        }
        return resolved;
    }

    /** Whether any metric of the benchmark exists. */
    public boolean exists(String name) {
        return !benchmarks.metricsOf(name).isEmpty();
    }

    private static String describe(List<String> versions) {
        return String.join(", ", versions.stream().map(v -> v == null ? "runs without a version" : "'" + v + "'")
                .toList());
    }
}
