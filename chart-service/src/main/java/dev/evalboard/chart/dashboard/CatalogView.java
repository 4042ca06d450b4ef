package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.BenchmarkCatalog;
import io.quarkus.qute.TemplateData;
import java.util.Comparator;
import java.util.List;

/** The front page: every benchmark and metric with its model count and last update. */
@TemplateData
public record CatalogView(List<Row> rows, long benchmarks, String csv) {

    @TemplateData
    public record Row(String benchmark, String metric, long models, String lastUpdate, String lastUpdateKey,
            String direction, String board, String pareto) {
    }

    static CatalogView of(BenchmarkCatalog catalog) {
        List<Row> rows = catalog.benchmarks().stream()
                .sorted(Comparator.comparing(BenchmarkCatalog.Entry::name, String.CASE_INSENSITIVE_ORDER))
                .flatMap(b -> b.metrics().stream().map(m -> new Row(b.name(), m.metric(), m.modelCount(),
                        Format.minute(m.lastUpdate()), m.lastUpdate() == null ? "" : m.lastUpdate().toString(),
                        m.higherIsBetter() ? "higher is better" : "lower is better",
                        boardLink(b.name(), m.metric()),
                        Query.of("/pareto").add("benchmark", b.name()).add("metric", metricParam(m.metric()))
                                .toString())))
                .toList();
        return new CatalogView(rows, catalog.benchmarks().size(), "/?format=csv");
    }

    static String boardLink(String benchmark, String metric) {
        return Query.of("/leaderboard").add("benchmark", benchmark).add("metric", metricParam(metric)).toString();
    }

    /** The default metric is left out of links. */
    static String metricParam(String metric) {
        return "pass@1".equals(metric) ? null : metric;
    }
}
