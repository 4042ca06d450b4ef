package dev.evalboard.query.service;

import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.BenchmarkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns requested benchmark names into stored benchmarks, or a 404 that says what exists instead. */
@ApplicationScoped
public class BenchmarkResolver {
    private final BenchmarkRepository benchmarks;

    public BenchmarkResolver(BenchmarkRepository benchmarks) {
        this.benchmarks = benchmarks;
    }

    public Benchmark resolve(String name, String metric) {
        return benchmarks.named(name, metric).orElseThrow(() -> {
            List<String> metrics = benchmarks.metricsOf(name);
            return ProblemException.notFound(metrics.isEmpty()
                    ? "No benchmark is named '" + name + "'."
                    : "Benchmark '" + name + "' has no metric '" + metric + "'; it has " + String.join(", ", metrics)
                            + ".");
        });
    }

    /** Resolves several benchmarks that are to be averaged, which needs them to agree on the direction. */
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
}
