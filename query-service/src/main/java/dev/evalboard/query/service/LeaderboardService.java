package dev.evalboard.query.service;

import dev.evalboard.contract.rank.ConfidenceRanks;
import dev.evalboard.contract.rank.RankSort;
import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelFilter;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository;
import dev.evalboard.query.repository.ScoreRepository.Ranked;
import dev.evalboard.query.repository.ScoreRepository.Score;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** One benchmark's ranking, a page at a time. */
@ApplicationScoped
public class LeaderboardService {
    private final BenchmarkResolver resolver;
    private final ScoreRepository scores;

    public LeaderboardService(BenchmarkResolver resolver, ScoreRepository scores) {
        this.resolver = resolver;
        this.scores = scores;
    }

    /** {@code version}: null for the newest. */
    public Leaderboard leaderboard(String name, String metric, String version, ModelFilter filter,
            boolean includePartial, RankSort sort, int limit, long offset) {
        VersionedBenchmark versioned = resolver.resolve(name, metric, version);
        Benchmark benchmark = versioned.shown();
        List<Ranked> page = scores.ranked(benchmark, filter, includePartial, sort, limit, offset);
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (Ranked ranked : page) {
            Score s = ranked.score();
            ModelRow m = s.model();
            entries.add(new Leaderboard.Entry(ranked.rank(), ranked.ciRank(), m.name(), s.score(), s.stderr(),
                    ConfidenceRanks.low(s.score(), s.stderr()), ConfidenceRanks.high(s.score(), s.stderr()),
                    s.samples(), s.costUsd(), m.parameters(), m.activeParameters(), m.openness(), m.organization(),
                    s.evaluatedAt(), s.partial(), m.flag()));
        }
        // A page past the end has no row to carry the total.
        long total = page.isEmpty() ? scores.count(benchmark, filter, includePartial) : page.get(0).total();
        return new Leaderboard(benchmark.name(), benchmark.metric(), benchmark.version(), versioned.versions(),
                benchmark.higherIsBetter(), benchmark.unit(), sort.wireName(), includePartial, total, limit, offset,
                entries);
    }
}
