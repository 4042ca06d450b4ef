package dev.evalboard.query.service;

import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelFilter;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository;
import dev.evalboard.query.repository.ScoreRepository.Score;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cross-benchmark table: models ranked by their mean over the requested benchmarks. */
@ApplicationScoped
public class TableService {
    private final BenchmarkResolver resolver;
    private final ScoreRepository scores;

    public TableService(BenchmarkResolver resolver, ScoreRepository scores) {
        this.resolver = resolver;
        this.scores = scores;
    }

    public Table table(List<String> names, String metric, ModelFilter filter, int limit, long offset) {
        List<Benchmark> benchmarks = resolver.resolveAll(names, metric);
        if (benchmarks.size() == 1) {
            return ofOne(benchmarks.get(0), filter, limit, offset);
        }
        boolean higherIsBetter = benchmarks.get(0).higherIsBetter();
        List<ModelScores> models = ModelScores.group(benchmarks, scores.onAny(benchmarks, filter));

        Comparator<ModelScores> bestFirst = Comparator.comparingDouble(ModelScores::mean);
        List<ModelScores> complete = new ArrayList<>(models.stream().filter(ModelScores::complete)
                .sorted(higherIsBetter ? bestFirst.reversed() : bestFirst).toList());
        long[] ranks = CompetitionRanks.of(complete.stream().mapToDouble(ModelScores::mean).toArray());

        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            rows.add(row(complete.get(i), ranks[i]));
        }
        models.stream().filter(m -> !m.complete())
                .sorted(Comparator.comparingInt((ModelScores m) -> -m.byBenchmark().size()))
                .forEach(m -> rows.add(row(m, null)));

        int from = (int) Math.min(offset, rows.size());
        int to = (int) Math.min((long) from + limit, rows.size());
        return new Table(benchmarks.stream().map(Benchmark::name).toList(), metric, higherIsBetter, rows.size(),
                limit, offset, rows.subList(from, to));
    }

    /**
     * A table of one benchmark is its leaderboard (each mean is the score, no model misses it): one page of the
     * ranking in a few index probes, not every result of the benchmark grouped and sorted. Ties by model name.
     */
    private Table ofOne(Benchmark benchmark, ModelFilter filter, int limit, long offset) {
        List<ScoreRepository.Ranked> page = scores.ranked(benchmark, filter, limit, offset);
        List<Table.Row> rows = new ArrayList<>();
        for (ScoreRepository.Ranked ranked : page) {
            Score score = ranked.score();
            ModelRow m = score.model();
            rows.add(new Table.Row(ranked.rank(), m.name(), score.score(), Map.of(benchmark.name(), score.score()),
                    score.stderr() == null ? Map.of() : Map.of(benchmark.name(), score.stderr()), List.of(),
                    m.parameters(), m.activeParameters(), m.openness()));
        }
        long total = page.isEmpty() ? scores.count(benchmark, filter) : page.get(0).total();
        return new Table(List.of(benchmark.name()), benchmark.metric(), benchmark.higherIsBetter(), total, limit,
                offset, rows);
    }

    private static Table.Row row(ModelScores model, Long rank) {
        Map<String, Double> byName = new LinkedHashMap<>();
        Map<String, Double> stderrs = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Benchmark benchmark : model.benchmarks()) {
            Score score = model.byBenchmark().get(benchmark.id());
            if (score == null) {
                missing.add(benchmark.name());
            } else {
                byName.put(benchmark.name(), score.score());
                if (score.stderr() != null) {
                    stderrs.put(benchmark.name(), score.stderr());
                }
            }
        }
        ModelRow m = model.model();
        return new Table.Row(rank, m.name(), model.complete() ? model.mean() : null, byName, stderrs, missing,
                m.parameters(), m.activeParameters(), m.openness());
    }
}
