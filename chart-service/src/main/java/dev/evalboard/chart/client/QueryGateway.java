package dev.evalboard.chart.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls query-service with a timeout, a couple of retries and a circuit breaker. A 4xx answer is
 * the caller's mistake: it is neither retried nor counted against query-service's health.
 */
@ApplicationScoped
public class QueryGateway {

    private final QueryApi api;

    QueryGateway(@RestClient QueryApi api) {
        this.api = api;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<LeaderboardTable> leaderboard(List<String> benchmarks, String metric, String version, int rows,
            String asOf) {
        return Answer.of(api.leaderboard(benchmarks, metric, version, rows, asOf));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    /** The frontier, the best {@code dominatedLimit} dominated points, and the named models wherever they are. */
    public Answer<ParetoSet> pareto(List<String> benchmarks, String metric, String version, String x,
            int dominatedLimit, List<String> models, String asOf) {
        return Answer.of(api.pareto(benchmarks, metric, version, x, dominatedLimit, models, asOf));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<ProgressLine> progress(String benchmark, String metric, String version, boolean runs) {
        return Answer.of(api.progress(benchmark, metric, version, runs));
    }
}
