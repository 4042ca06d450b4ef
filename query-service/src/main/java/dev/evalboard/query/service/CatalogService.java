package dev.evalboard.query.service;

import dev.evalboard.contract.BenchmarkVersions;
import dev.evalboard.query.repository.BenchmarkRepository;
import dev.evalboard.query.repository.BenchmarkRepository.MetricStats;
import dev.evalboard.query.repository.ModelFilter;
import dev.evalboard.query.repository.ModelRepository;
import dev.evalboard.query.repository.ModelRepository.Run;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ModerationRepository;
import dev.evalboard.query.repository.Retraction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Benchmarks, models, a model's current results and flag, and its history with retracted runs marked. */
@ApplicationScoped
public class CatalogService {
    private final BenchmarkRepository benchmarks;
    private final ModelRepository models;
    private final BenchmarkResolver resolver;
    private final ModerationRepository moderation;

    public CatalogService(BenchmarkRepository benchmarks, ModelRepository models, BenchmarkResolver resolver,
            ModerationRepository moderation) {
        this.benchmarks = benchmarks;
        this.models = models;
        this.resolver = resolver;
        this.moderation = moderation;
    }

    public BenchmarkList benchmarks() {
        Map<String, List<MetricStats>> byName = new LinkedHashMap<>();
        for (MetricStats stats : benchmarks.stats()) {
            byName.computeIfAbsent(stats.benchmark(), name -> new ArrayList<>()).add(stats);
        }
        List<BenchmarkList.Entry> entries = new ArrayList<>();
        byName.forEach((name, metrics) -> entries.add(new BenchmarkList.Entry(name,
                metrics.get(0).benchmarkModelCount(),
                metrics.stream().map(MetricStats::lastUpdate).filter(Objects::nonNull).max(Comparable::compareTo)
                        .orElse(null),
                newestOfEachMetric(metrics))));
        return new BenchmarkList(entries);
    }

    /** One entry per metric (in the list's order): its newest version's figures, and every version. */
    private static List<BenchmarkList.Metric> newestOfEachMetric(List<MetricStats> stats) {
        Map<String, List<MetricStats>> byMetric = new LinkedHashMap<>();
        stats.forEach(s -> byMetric.computeIfAbsent(s.metric(), metric -> new ArrayList<>()).add(s));
        Comparator<MetricStats> byVersion = Comparator.comparing(MetricStats::version,
                BenchmarkVersions.NATURAL_ORDER);
        return byMetric.values().stream().map(versions -> {
            List<MetricStats> newestFirst = versions.stream().sorted(byVersion.reversed()).toList();
            MetricStats m = newestFirst.get(0);
            return new BenchmarkList.Metric(m.metric(), m.version(),
                    newestFirst.stream().map(MetricStats::version).toList(), m.higherIsBetter(), m.unit(),
                    m.modelCount(), m.lastUpdate());
        }).toList();
    }

    public ModelList models(ModelFilter filter, int limit, long offset) {
        List<ModelList.Entry> page = models.page(filter, limit, offset).stream().map(row -> {
            ModelRow m = row.model();
            return new ModelList.Entry(m.name(), m.parameters(), m.activeParameters(), m.openness(),
                    m.organization(), row.resultCount());
        }).toList();
        return new ModelList(models.countMatching(filter), limit, offset, page);
    }

    public ModelDetail model(String name) {
        ModelRow m = find(name);
        return new ModelDetail(m.name(), m.parameters(), m.activeParameters(), m.openness(), m.organization(),
                models.currentResults(m.id()), moderation.flag(m.name()).orElse(null));
    }

    /** {@code benchmark} and {@code metric} may be null; a named benchmark (or benchmark+metric) must exist. */
    public ModelHistory history(String name, String benchmark, String metric, int limit, long offset) {
        ModelRow m = find(name);
        if (benchmark != null && metric != null) {
            resolver.resolve(benchmark, metric);
        } else if (benchmark != null && !resolver.exists(benchmark)) {
            throw ProblemException.notFound("No benchmark is named '" + benchmark + "'.");
        }
        List<Run> runs = models.history(m.id(), benchmark, metric, limit, offset);
        Map<String, Retraction> retracted = moderation.retractions(runs.stream().map(Run::eventId).toList());
        return new ModelHistory(m.name(), benchmark, metric, limit, offset,
                runs.stream().map(run -> run.withRetraction(retracted.get(run.eventId()))).toList());
    }

    private ModelRow find(String name) {
        return models.named(name).orElseThrow(() -> ProblemException.notFound("No model is named '" + name + "'."));
    }
}
