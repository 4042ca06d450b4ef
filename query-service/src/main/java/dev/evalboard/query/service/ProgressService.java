package dev.evalboard.query.service;

import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ProgressRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A benchmark's running best, bounded so that a benchmark of 100,000 runs still answers in one small page. */
@ApplicationScoped
public class ProgressService {
    /** Steps are few unless every run improves on the last; past this bound the latest ones are kept. */
    public static final int MAX_STEPS = 1000;
    /** The other runs, a fixed sample of them past this bound. */
    public static final int MAX_RUNS = 1000;

    private final BenchmarkResolver resolver;
    private final ProgressRepository progress;

    public ProgressService(BenchmarkResolver resolver, ProgressRepository progress) {
        this.resolver = resolver;
        this.progress = progress;
    }

    /** {@code version}: null for the newest. */
    public Progress progress(String name, String metric, String version, boolean withRuns) {
        VersionedBenchmark versioned = resolver.resolve(name, metric, version);
        Benchmark benchmark = versioned.shown();
        ProgressRepository.Steps steps = progress.steps(benchmark, MAX_STEPS);
        List<Progress.Run> others = withRuns ? runs(progress.otherRuns(benchmark, MAX_RUNS)) : List.of();
        return new Progress(benchmark.name(), benchmark.metric(), benchmark.version(), versioned.versions(),
                benchmark.higherIsBetter(), benchmark.unit(),
                steps.runCount(), steps.count(), runs(steps.latest()), others);
    }

    private static List<Progress.Run> runs(List<ProgressRepository.Run> rows) {
        return rows.stream().map(r -> new Progress.Run(r.model(), r.score(), r.evaluatedAt(), r.eventId())).toList();
    }
}
