package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.Answer;
import dev.evalboard.chart.client.BenchmarkCatalog;
import dev.evalboard.chart.client.BoardPage;
import dev.evalboard.chart.client.ModelResults;
import dev.evalboard.chart.client.PageGateway;
import dev.evalboard.chart.client.ParetoSet;
import dev.evalboard.chart.client.QueryRejectedException;
import dev.evalboard.chart.client.TablePage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The pages' data from query-service, as new as the changes this instance heard of: a page reloaded because of a
 * change must show it, and query-service's own feed reader may lag ours by a few milliseconds. An older answer is
 * asked for again, for up to {@link #CATCH_UP_TRIES} x {@link #CATCH_UP_PAUSE_MS} ms, then shown as it is.
 */
@ApplicationScoped
public class PageData {
    private static final Logger LOG = Logger.getLogger(PageData.class);
    static final int CATCH_UP_TRIES = 40;
    static final long CATCH_UP_PAUSE_MS = 25;

    private final PageGateway gateway;
    private final LiveChanges live;

    PageData(PageGateway gateway, LiveChanges live) {
        this.gateway = gateway;
        this.live = live;
    }

    BenchmarkCatalog benchmarks() {
        return fresh(gateway::benchmarks, "benchmark");
    }

    BoardPage board(String benchmark, String metric, PageGateway.ModelFilter filter, int limit, long offset) {
        return fresh(() -> gateway.board(benchmark, metric, filter, limit, offset), "benchmark");
    }

    TablePage table(List<String> benchmarks, String metric, int limit, long offset) {
        return fresh(() -> gateway.table(benchmarks, metric, limit, offset), "benchmark");
    }

    ModelResults model(String model) {
        return fresh(() -> gateway.model(model), "model");
    }

    ModelResults.History history(String model, int limit) {
        return fresh(() -> gateway.history(model, limit), "model");
    }

    ParetoSet pareto(String benchmark, String metric, String x) {
        return fresh(() -> gateway.pareto(benchmark, metric, x), "benchmark");
    }

    /** @param subject what a 404 is about, for its message */
    private <T> T fresh(Supplier<Answer<T>> request, String subject) {
        long required = live.latestOffset();
        Answer<T> answer = call(request, subject);
        for (int i = 0; i < CATCH_UP_TRIES && answer.changesSeen() >= 0 && answer.changesSeen() < required; i++) {
            pause();
            answer = call(request, subject);
        }
        return answer.body();
    }

    private static <T> Answer<T> call(Supplier<Answer<T>> request, String subject) {
        try {
            Answer<T> answer = request.get();
            if (answer == null || answer.body() == null) {
                throw new PageException(503, "query-service gave an empty answer");
            }
            return answer;
        } catch (QueryRejectedException e) {
            if (e.status() == 404) {
                throw new PageException(404, "No such " + subject + ": " + e.getMessage());
            }
            throw new PageException(400, e.getMessage());
        } catch (PageException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("query-service unavailable: %s", e.toString());
            throw new PageException(503, "The data is unavailable: query-service did not answer. "
                    + "This page tries again by itself.");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(CATCH_UP_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageException(503, "interrupted");
        }
    }
}
