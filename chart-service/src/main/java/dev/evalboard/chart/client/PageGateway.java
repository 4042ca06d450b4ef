package dev.evalboard.chart.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The dashboard's calls to query-service, guarded as {@link QueryGateway}'s are: a timeout, a couple of retries and a
 * circuit breaker; a 4xx (unknown benchmark, bad filter) is the caller's mistake and neither retried nor counted.
 */
@ApplicationScoped
public class PageGateway {

    private final PageQueryApi api;

    PageGateway(@RestClient PageQueryApi api) {
        this.api = api;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<BenchmarkCatalog> benchmarks() {
        return Answer.of(api.benchmarks());
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<BoardPage> board(String benchmark, String metric, ModelFilter filter, int limit, long offset) {
        return Answer.of(api.board(benchmark, metric, filter.openness(), filter.minParameters(),
                filter.maxParameters(), filter.query(), limit, offset));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<TablePage> table(List<String> benchmarks, String metric, int limit, long offset) {
        return Answer.of(api.table(benchmarks, metric, limit, offset));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<ModelResults> model(String model) {
        return Answer.of(api.model(model));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<ModelResults.History> history(String model, int limit) {
        return Answer.of(api.history(model, limit));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = QueryRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = QueryRejectedException.class)
    public Answer<ParetoSet> pareto(String benchmark, String metric, String x) {
        return Answer.of(api.pareto(List.of(benchmark), metric, x));
    }

    /** The model filters of a leaderboard; null fields and an empty openness list do not filter. */
    public record ModelFilter(List<String> openness, Long minParameters, Long maxParameters, String query) {
    }
}
