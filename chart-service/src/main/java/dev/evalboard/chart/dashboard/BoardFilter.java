package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.PageGateway;
import java.util.List;

/** A leaderboard page's request: benchmark, metric, filters and the page, each checked. */
record BoardFilter(String benchmark, String metric, List<String> openness, String minParams, String maxParams,
        Long minParameters, Long maxParameters, String query, long page, int size) {

    static BoardFilter parse(String benchmark, String metric, List<String> openness, String minParams,
            String maxParams, String q, String page, String size) {
        Long min = DashboardParams.billions("minParams", minParams);
        Long max = DashboardParams.billions("maxParams", maxParams);
        DashboardParams.requireOrdered(min, max);
        return new BoardFilter(DashboardParams.name("benchmark", benchmark), DashboardParams.metric(metric),
                DashboardParams.openness(openness), min == null ? "" : minParams.strip(),
                max == null ? "" : maxParams.strip(), min, max, DashboardParams.query(q), DashboardParams.page(page),
                DashboardParams.pageSize(size));
    }

    PageGateway.ModelFilter models() {
        return new PageGateway.ModelFilter(openness, minParameters, maxParameters, query);
    }

    long offset() {
        return (page - 1) * size;
    }

    boolean filtered() {
        return !openness.isEmpty() || minParameters != null || maxParameters != null || query != null;
    }

    /** This request's URL on another page (1-based), or as CSV when {@code format} is "csv". */
    String link(long toPage, String format) {
        return Query.of("/leaderboard").add("benchmark", benchmark)
                .add("metric", "pass@1".equals(metric) ? null : metric).addAll("openness", openness)
                .add("minParams", minParams).add("maxParams", maxParams).add("q", query)
                .add("size", size == DashboardParams.DEFAULT_PAGE_SIZE ? null : size)
                .add("page", toPage == 1 ? null : toPage).add("format", format).toString();
    }
}
