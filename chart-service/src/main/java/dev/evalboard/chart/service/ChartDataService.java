package dev.evalboard.chart.service;

import dev.evalboard.chart.client.LeaderboardTable;
import dev.evalboard.chart.client.ParetoSet;
import dev.evalboard.chart.client.QueryGateway;
import dev.evalboard.chart.client.QueryRejectedException;
import dev.evalboard.chart.config.ChartConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Chart data from query-service, cached briefly (and served stale while query-service is
 * unavailable, see {@link ExpiringCache}). Turns query-service's answers into chart errors: its
 * 4xx keep their status (an unknown benchmark stays a 404), anything else is a 503.
 */
@ApplicationScoped
public class ChartDataService {

    private static final Logger LOG = Logger.getLogger(ChartDataService.class);

    private final QueryGateway gateway;
    private final ExpiringCache<List<String>, LeaderboardTable> leaderboards;
    private final ExpiringCache<List<String>, ParetoSet> paretoSets;

    ChartDataService(QueryGateway gateway, ChartConfig config) {
        this.gateway = gateway;
        this.leaderboards = cache(config.cache());
        this.paretoSets = cache(config.cache());
    }

    private static <V> ExpiringCache<List<String>, V> cache(ChartConfig.Cache config) {
        return new ExpiringCache<>(config.ttl(), config.serveStaleFor(), config.maxEntries(),
                ChartDataService::queryServiceUnavailable, System::nanoTime);
    }

    /** A failure that says nothing about the data: a chart drawn earlier may stand in for it. */
    private static boolean queryServiceUnavailable(RuntimeException failure) {
        return failure instanceof ChartRequestException e && e.status() == 503;
    }

    public LeaderboardTable leaderboard(List<String> benchmarks, String metric) {
        List<String> key = key(benchmarks, metric);
        return leaderboards.get(key, () -> call(() -> gateway.leaderboard(benchmarks, metric)));
    }

    public ParetoSet pareto(List<String> benchmarks, String metric, XMeasure x) {
        List<String> key = key(benchmarks, metric, x.code());
        return paretoSets.get(key, () -> call(() -> gateway.pareto(benchmarks, metric, x.code())));
    }

    private static List<String> key(List<String> benchmarks, String... rest) {
        return Stream.concat(benchmarks.stream(), Arrays.stream(rest)).toList();
    }

    private static <T> T call(Supplier<T> request) {
        try {
            T answer = request.get();
            if (answer == null) {
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
