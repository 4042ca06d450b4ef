package dev.evalboard.chart.service;

import dev.evalboard.chart.client.Answer;
import dev.evalboard.chart.client.LeaderboardTable;
import dev.evalboard.chart.client.ParetoSet;
import dev.evalboard.chart.client.ProgressLine;
import dev.evalboard.chart.client.QueryGateway;
import dev.evalboard.chart.client.QueryRejectedException;
import dev.evalboard.chart.config.ChartConfig;
import dev.evalboard.contract.change.ResultChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Chart data from query-service, cached (and served stale while query-service is unavailable, see
 * {@link ExpiringCache}) until the change feed says a benchmark of it changed; the data of a chart that was read
 * since it was loaded is then loaded again at once, in the background. Turns query-service's answers into chart
 * errors: its 4xx keep their status (an unknown benchmark stays a 404), anything else is a 503.
 *
 * <p>After a change, query-service may answer from a moment before it (it shows a change only once its database
 * has replayed it and its own cache has caught up): an answer that reflects fewer changes than we heard of for its
 * benchmarks is drawn, but not kept, and a background reload asks again a little later.
 */
@ApplicationScoped
public class ChartDataService {

    private static final Logger LOG = Logger.getLogger(ChartDataService.class);

    /** What query-service looks up by name in one Pareto request. */
    private static final int MAX_NAMED_MODELS = 50;

    /** Background reloads: each waits for query-service, so a few at once. */
    private static final int RELOAD_THREADS = 4;

    private final QueryGateway gateway;
    private final int maxPoints;
    private final ScheduledExecutorService reloads = Executors.newScheduledThreadPool(RELOAD_THREADS, task -> {
        Thread thread = new Thread(task, "chart-data-reload");
        thread.setDaemon(true);
        return thread;
    });
    private final ExpiringCache<DataKey, Answer<LeaderboardTable>> leaderboards;
    private final ExpiringCache<DataKey, Answer<ParetoSet>> paretoSets;
    private final ExpiringCache<DataKey, Answer<ProgressLine>> progressLines;
    /** The latest change-feed offset that named each benchmark. */
    private final Map<ResultChange.Benchmark, Long> changedAt = new ConcurrentHashMap<>();

    ChartDataService(QueryGateway gateway, ChartConfig config) {
        this.gateway = gateway;
        // query-service lists at most 10,000 dominated points a request.
        this.maxPoints = Math.min(config.limits().maxPoints(), 10_000);
        this.leaderboards = cache(config.cache());
        this.paretoSets = cache(config.cache());
        this.progressLines = cache(config.cache());
    }

    private <V> ExpiringCache<DataKey, Answer<V>> cache(ChartConfig.Cache config) {
        return new ExpiringCache<>(config.ttl(), config.serveStaleFor(), config.watchedFor(), config.maxEntries(),
                ChartDataService::queryServiceUnavailable, Answer::changesSeen, this::requiredChanges, System::nanoTime,
                reloads);
    }

    @PreDestroy
    void stop() {
        reloads.shutdownNow();
    }

    /**
     * What a cached answer was asked for: its benchmarks and metric, what else shapes it (a table's row count, a
     * Pareto set's x measure, {@code runs} for a progress line with its other runs), the models a Pareto set must
     * hold wherever they rank, the version of a single benchmark (null: the newest), and the instant of a snapshot
     * (null: now), which no change affects.
     */
    private record DataKey(List<String> benchmarks, String metric, String variant, List<String> models,
            String version, String asOf) {
        boolean affectedBy(ResultChange change) {
            return asOf == null && change.benchmarks().stream()
                    .anyMatch(b -> b.metric().equals(metric) && benchmarks.contains(b.name()));
        }
    }

    /**
     * The change feed named these benchmarks at {@code offset}: their answers are loaded again.
     *
     * @return completes when the answers read since they were loaded have been loaded again (or given up on)
     */
    public CompletableFuture<Void> changed(ResultChange change, long offset) {
        change.benchmarks().forEach(b -> changedAt.merge(b.board(), offset, Math::max));
        return CompletableFuture.allOf(leaderboards.reloadIf(key -> key.affectedBy(change)),
                paretoSets.reloadIf(key -> key.affectedBy(change)),
                progressLines.reloadIf(key -> key.affectedBy(change)));
    }

    /** The last change heard of for a key's benchmarks, which its answer must reflect; none for a snapshot. */
    private long requiredChanges(DataKey key) {
        if (key.asOf() != null) {
            return Long.MIN_VALUE;
        }
        return key.benchmarks().stream()
                .mapToLong(name -> changedAt.getOrDefault(new ResultChange.Benchmark(name, key.metric()), -1L))
                .max().orElse(-1);
    }

    /** A failure that says nothing about the data: a chart drawn earlier may stand in for it. */
    private static boolean queryServiceUnavailable(RuntimeException failure) {
        return failure instanceof ChartRequestException e && e.status() == 503;
    }

    /** The first {@code rows} rows of the table of {@code benchmarks}; {@code version} of one of them, or null. */
    public LeaderboardTable leaderboard(List<String> benchmarks, String metric, String version, int rows,
            String asOf) {
        DataKey key = new DataKey(List.copyOf(benchmarks), metric, "rows " + rows, List.of(), version, asOf);
        return leaderboards.get(key, () -> call(() -> gateway.leaderboard(benchmarks, metric, version, rows, asOf)))
                .body();
    }

    /**
     * A Pareto set with as many dominated points as a chart draws, best first, and the {@code models} (up to the 50
     * that query-service looks up) wherever they rank.
     */
    public ParetoSet pareto(List<String> benchmarks, String metric, String version, XMeasure x,
            Collection<String> models, String asOf) {
        List<String> named = models.stream().sorted().limit(MAX_NAMED_MODELS).toList();
        DataKey key = new DataKey(List.copyOf(benchmarks), metric, x.code(), named, version, asOf);
        return paretoSets.get(key, () -> call(
                () -> gateway.pareto(benchmarks, metric, version, x.code(), maxPoints, named, asOf))).body();
    }

    public ProgressLine progress(String benchmark, String metric, String version, boolean runs) {
        DataKey key = new DataKey(List.of(benchmark), metric, runs ? "runs" : null, List.of(), version, null);
        return progressLines.get(key, () -> call(() -> gateway.progress(benchmark, metric, version, runs))).body();
    }

    private static <T> Answer<T> call(Supplier<Answer<T>> request) {
        try {
            Answer<T> answer = request.get();
            if (answer == null || answer.body() == null) {
                throw new ChartRequestException(503, null, "query-service gave an empty answer");
            }
            return answer;
        } catch (QueryRejectedException e) {
            boolean unknown = e.status() == 404;
            throw new ChartRequestException(unknown ? 404 : 400, unknown ? "benchmark" : null,
                    "query-service: " + e.getMessage());
        } catch (ChartRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("query-service unavailable: %s", e.toString());
            throw new ChartRequestException(503, null, "chart data is unavailable: query-service did not answer");
        }
    }
}
