package dev.evalboard.query.service;

import dev.evalboard.contract.rank.Aggregation;
import dev.evalboard.contract.rank.ConfidenceRanks;
import dev.evalboard.contract.rank.Normalization;
import dev.evalboard.contract.rank.RankSort;
import dev.evalboard.contract.rank.WinRates;
import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's rows in memory: each model's aggregate by the requested rule, ranks (competition ranks of the
 * aggregate) and ciRanks over the ranked models, the order asked for, then the models below the coverage rule.
 */
final class TableRanking {
    private final TableQuery query;
    private final List<Benchmark> benchmarks;
    private final List<ModelScores> models;
    private final boolean higherIsBetter;

    /** A model's aggregate and its standard error, or no aggregate. */
    private record Aggregate(ModelScores model, Double value, Double stderr) {
        double low() {
            return ConfidenceRanks.low(value, stderr);
        }

        double high() {
            return ConfidenceRanks.high(value, stderr);
        }
    }

    TableRanking(TableQuery query, List<Benchmark> benchmarks, List<ModelScores> models, boolean higherIsBetter) {
        this.query = query;
        this.benchmarks = benchmarks;
        this.models = models;
        this.higherIsBetter = higherIsBetter;
    }

    /** Every row, ranked rows first; {@code baselines} by benchmark id (0 when absent) for normalized scores. */
    List<Table.Row> rows(Map<Integer, Double> baselines) {
        List<Aggregate> aggregates = aggregates(baselines);
        Comparator<Aggregate> byValue = Comparator.comparingDouble(Aggregate::value);
        List<Aggregate> ranked = new ArrayList<>(aggregates.stream().filter(a -> a.value() != null)
                .sorted(higherIsBetter ? byValue.reversed() : byValue).toList());
        long[] ranks = CompetitionRanks.of(ranked.stream().mapToDouble(Aggregate::value).toArray());
        long[] ciRanks = ConfidenceRanks.of(ranked.stream().mapToDouble(Aggregate::low).toArray(),
                ranked.stream().mapToDouble(Aggregate::high).toArray(), higherIsBetter);
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            rows.add(row(ranked.get(i), ranks[i], ciRanks[i]));
        }
        if (query.sort() == RankSort.CI_RANK) {
            // ciRank only grows as the better end worsens: that end orders the rows, then the aggregate (stable sort,
            // so full ties stay by name).
            Comparator<Table.Row> byBetterEnd = Comparator.comparingDouble(
                    (Table.Row r) -> higherIsBetter ? -r.ciHigh() : r.ciLow());
            rows.sort(byBetterEnd.thenComparingLong(Table.Row::rank));
        }
        aggregates.stream().filter(a -> a.value() == null)
                .sorted(Comparator.comparingInt((Aggregate a) -> -a.model().coverage()))
                .forEach(a -> rows.add(row(a, null, null)));
        return rows;
    }

    private List<Aggregate> aggregates(Map<Integer, Double> baselines) {
        Double[] winRates = query.aggregation() == Aggregation.WINRATE ? winRates() : null;
        List<Aggregate> aggregates = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelScores model = models.get(i);
            if (model.coverage() < query.minBenchmarks()) {
                aggregates.add(new Aggregate(model, null, null));
                continue;
            }
            aggregates.add(switch (query.aggregation()) {
                case MEAN -> new Aggregate(model, model.mean(), model.meanStderr());
                case NORMALIZED -> new Aggregate(model,
                        model.meanOf((b, s) -> Normalization.normalize(s.score(), baseline(baselines, b))),
                        model.stderrOf((b, s) -> Normalization.stderr(s.stderr(), baseline(baselines, b))));
                case WINRATE -> new Aggregate(model, winRates[i], null);
            });
        }
        return aggregates;
    }

    /** A benchmark's stated random baseline; 0 (no rescaling) when none was stated. */
    private static double baseline(Map<Integer, Double> baselines, Benchmark benchmark) {
        return baselines.getOrDefault(benchmark.id(), 0.0);
    }

    /** Every listed model's mean win rate: on each benchmark, against every listed model with a result there. */
    private Double[] winRates() {
        List<WinRates.Column> columns = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            Double[] column = new Double[models.size()];
            for (int i = 0; i < models.size(); i++) {
                Score score = models.get(i).byBenchmark().get(benchmark.id());
                column[i] = score == null ? null : score.score();
            }
            columns.add(new WinRates.Column(column, benchmark.higherIsBetter()));
        }
        return WinRates.of(models.size(), columns);
    }

    private Table.Row row(Aggregate aggregate, Long rank, Long ciRank) {
        ModelScores model = aggregate.model();
        Map<String, Double> byName = new LinkedHashMap<>();
        Map<String, Double> stderrs = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
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
        boolean covered = model.coverage() >= query.minBenchmarks();
        Double value = aggregate.value();
        return new Table.Row(rank, ciRank, m.name(), covered ? model.mean() : null, value, aggregate.stderr(),
                value == null ? null : aggregate.low(), value == null ? null : aggregate.high(), byName, stderrs,
                missing, m.parameters(), m.activeParameters(), m.openness(), m.flag());
    }
}
