package dev.evalboard.query.service;

import dev.evalboard.contract.pareto.ParetoFrontier;
import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelFilter;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Pareto set of one x axis against the score (or the mean score over several benchmarks). */
@ApplicationScoped
public class ParetoService {
    private final BenchmarkResolver resolver;
    private final ScoreRepository scores;

    public ParetoService(BenchmarkResolver resolver, ScoreRepository scores) {
        this.resolver = resolver;
        this.scores = scores;
    }

    /** {@code version}: of the one benchmark named, null for its newest; several are each taken in their newest. */
    public ParetoSet pareto(List<String> names, String metric, String version, XAxis axis, ModelFilter filter,
            boolean includePartial, ParetoSet.DominatedPage page, List<String> requestedModels) {
        if (version != null && names.size() > 1) {
            throw ProblemException.badRequest("'version' applies to one benchmark; several are each taken in their"
                    + " newest version.");
        }
        VersionedBenchmark one = names.size() == 1 ? resolver.resolve(names.get(0), metric, version) : null;
        List<Benchmark> benchmarks = one != null ? List.of(one.shown()) : resolver.resolveAll(names, metric);
        boolean higherIsBetter = benchmarks.get(0).higherIsBetter();
        List<ParetoSet.Point> points = new ArrayList<>();
        long excluded = 0;
        for (ModelScores model : ModelScores.group(benchmarks, scores.onAny(benchmarks, filter, includePartial))) {
            if (!model.complete()) {
                continue;
            }
            Number x = x(axis, model);
            if (x == null) {
                excluded++;
                continue;
            }
            ModelRow m = model.model();
            points.add(new ParetoSet.Point(m.name(), x, model.mean(), model.meanStderr(), m.openness(), m.parameters(),
                    m.activeParameters(), m.organization(), m.flag()));
        }
        ParetoFrontier.Split<ParetoSet.Point> split = ParetoFrontier.split(points, p -> p.x().doubleValue(),
                ParetoSet.Point::y, higherIsBetter);
        List<ParetoSet.Point> dominated = bestFirst(split.dominated(), higherIsBetter);
        List<ParetoSet.Point> pageOfDominated = dominated.subList((int) Math.min(page.offset(), dominated.size()),
                (int) Math.min(page.offset() + page.limit(), dominated.size()));
        List<ParetoSet.Point> requested = points.stream().filter(p -> requestedModels.contains(p.model()))
                .sorted(Comparator.comparing(ParetoSet.Point::model)).toList();
        return new ParetoSet(benchmarks.stream().map(Benchmark::name).toList(), metric,
                one == null ? null : one.shown().version(), one == null ? null : one.versions(), includePartial,
                axis.wireName(),
                benchmarks.size() == 1 ? "score" : "mean", higherIsBetter, split.frontier(),
                List.copyOf(pageOfDominated), dominated.size(), page.offset(), requested, excluded);
    }

    /** Best y first, then smaller x, then model name: the order in which dominated points are paged. */
    private static List<ParetoSet.Point> bestFirst(List<ParetoSet.Point> points, boolean higherIsBetter) {
        Comparator<ParetoSet.Point> byY = Comparator.comparingDouble(ParetoSet.Point::y);
        List<ParetoSet.Point> sorted = new ArrayList<>(points);
        sorted.sort((higherIsBetter ? byY.reversed() : byY)
                .thenComparingDouble(p -> p.x().doubleValue()).thenComparing(ParetoSet.Point::model));
        return sorted;
    }

    private static Number x(XAxis axis, ModelScores model) {
        ModelRow m = model.model();
        if (axis == XAxis.PARAMETERS) {
            return m.parameters();
        }
        if (axis == XAxis.ACTIVE_PARAMETERS) {
            // Events state activeParameters only for mixture-of-experts models: a dense model uses them all.
            return m.activeParameters() != null ? m.activeParameters() : m.parameters();
        }
        return model.totalCost();
    }
}
