package dev.evalboard.query.service;

import dev.evalboard.contract.rank.Aggregation;
import dev.evalboard.contract.rank.ConfidenceRanks;
import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository;
import dev.evalboard.query.repository.ScoreRepository.Score;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The cross-benchmark table: models ranked by an aggregate of their scores over the requested benchmarks. */
@ApplicationScoped
public class TableService {
    private final BenchmarkResolver resolver;
    private final ScoreRepository scores;

    public TableService(BenchmarkResolver resolver, ScoreRepository scores) {
        this.resolver = resolver;
        this.scores = scores;
    }

    public Table table(TableQuery query) {
        Aggregation aggregation = query.aggregation();
        if (query.version() != null && query.benchmarks().size() > 1) {
            throw ProblemException.badRequest("'version' applies to one benchmark; several are each taken in their"
                    + " newest version.");
        }
        // Win rates compare within each benchmark, so they may combine benchmarks of either direction.
        List<Benchmark> benchmarks = query.version() != null
                ? List.of(resolver.resolve(query.benchmarks().get(0), query.metric(), query.version()).shown())
                : aggregation == Aggregation.WINRATE
                        ? query.benchmarks().stream().map(name -> resolver.resolve(name, query.metric())).toList()
                        : resolver.resolveAll(query.benchmarks(), query.metric());
        if (aggregation == Aggregation.NORMALIZED && benchmarks.stream()
                .anyMatch(b -> !b.higherIsBetter() || !"percent".equals(b.unit()))) {
            throw ProblemException.badRequest("aggregate=normalized rescales percentages where higher is better;"
                    + " these benchmarks include others: use mean or winrate.");
        }
        if (benchmarks.size() == 1 && aggregation == Aggregation.MEAN) {
            return ofOne(benchmarks.get(0), query);
        }
        boolean higherIsBetter = aggregation != Aggregation.MEAN || benchmarks.get(0).higherIsBetter();
        List<ModelScores> models = ModelScores.group(benchmarks, scores.onAny(benchmarks, query.filter(),
                query.includePartial()));
        Map<Integer, Double> baselines = aggregation == Aggregation.NORMALIZED ? scores.baselines(benchmarks)
                : Map.of();
        List<Table.Row> rows = new TableRanking(query, benchmarks, models, higherIsBetter).rows(baselines);

        int from = (int) Math.min(query.offset(), rows.size());
        int to = (int) Math.min((long) from + query.limit(), rows.size());
        return new Table(benchmarks.stream().map(Benchmark::name).toList(),
                benchmarks.stream().map(Benchmark::version).toList(), query.metric(), higherIsBetter,
                aggregation.wireName(), query.minBenchmarks(), query.sort().wireName(), rows.size(), query.limit(),
                query.offset(), rows.subList(from, to));
    }

    /**
     * A table of one benchmark by mean is its leaderboard (each mean is the score, no model misses it): one page
     * of the ranking in a few index probes, not every result of the benchmark grouped and sorted.
     */
    private Table ofOne(Benchmark benchmark, TableQuery query) {
        List<ScoreRepository.Ranked> page = scores.ranked(benchmark, query.filter(), query.includePartial(),
                query.sort(), query.limit(), query.offset());
        List<Table.Row> rows = new ArrayList<>();
        for (ScoreRepository.Ranked ranked : page) {
            Score score = ranked.score();
            ModelRow m = score.model();
            rows.add(new Table.Row(ranked.rank(), ranked.ciRank(), m.name(), score.score(), score.score(),
                    score.stderr(), ConfidenceRanks.low(score.score(), score.stderr()),
                    ConfidenceRanks.high(score.score(), score.stderr()), Map.of(benchmark.name(), score.score()),
                    score.stderr() == null ? Map.of() : Map.of(benchmark.name(), score.stderr()), List.of(),
                    m.parameters(), m.activeParameters(), m.openness(), m.flag()));
        }
        long total = page.isEmpty() ? scores.count(benchmark, query.filter(), query.includePartial()) : page.get(0).total();
        return new Table(List.of(benchmark.name()), Arrays.asList(benchmark.version()), benchmark.metric(),
                benchmark.higherIsBetter(),
                Aggregation.MEAN.wireName(), 1, query.sort().wireName(), total, query.limit(), query.offset(), rows);
    }
}
