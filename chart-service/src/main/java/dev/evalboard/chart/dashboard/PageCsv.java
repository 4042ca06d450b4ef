package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.BenchmarkCatalog;
import dev.evalboard.chart.client.BoardPage;
import dev.evalboard.chart.client.ModelResults;
import dev.evalboard.chart.client.ParetoSet;
import dev.evalboard.chart.client.TablePage;
import java.util.ArrayList;
import java.util.List;

/** Each page's table as CSV: the same rows the page shows, with full numbers. */
final class PageCsv {

    private PageCsv() {
    }

    static String benchmarks(BenchmarkCatalog catalog) {
        Csv csv = Csv.withHeader("benchmark", "metric", "higherIsBetter", "models", "lastUpdate");
        catalog.benchmarks().forEach(b -> b.metrics().forEach(m -> csv.row(b.name(), m.metric(),
                m.higherIsBetter(), m.modelCount(), m.lastUpdate())));
        return csv.toString();
    }

    static String board(BoardPage page) {
        Csv csv = Csv.withHeader("rank", "ciRank", "model", "score", "stderr", "ci95", "samples", "parameters",
                "activeParameters", "openness", "organization", "evaluatedAt");
        page.entries().forEach(e -> csv.row(e.rank(), e.ciRank(), e.model(), e.score(), e.stderr(),
                e.stderr() == null ? null : e.stderr() * Format.CI95, e.samples(), e.parameters(),
                e.activeParameters(), e.openness(), e.organization(), e.evaluatedAt()));
        return csv.toString();
    }

    static String table(TablePage page, List<String> benchmarks) {
        List<String> header = new ArrayList<>(List.of("rank", "model", "mean"));
        header.addAll(benchmarks);
        header.addAll(List.of("parameters", "openness"));
        Csv csv = Csv.withHeader(header.toArray(String[]::new));
        page.rows().forEach(r -> {
            List<Object> cells = new ArrayList<>(List.of(nullable(r.rank()), r.model(), nullable(r.mean())));
            benchmarks.forEach(b -> cells.add(nullable(r.scores().get(b))));
            cells.add(nullable(r.parameters()));
            cells.add(nullable(r.openness()));
            csv.row(cells.toArray());
        });
        return csv.toString();
    }

    static String results(ModelResults model) {
        Csv csv = Csv.withHeader("model", "benchmark", "metric", "score", "stderr", "samples", "costUsd",
                "evaluatedAt", "source");
        model.results().forEach(r -> csv.row(model.name(), r.benchmark(), r.metric(), r.score(), r.stderr(),
                r.samples(), r.costUsd(), r.evaluatedAt(), r.source()));
        return csv.toString();
    }

    static String history(ModelResults.History history) {
        Csv csv = Csv.withHeader("model", "benchmark", "metric", "score", "stderr", "evaluatedAt", "current",
                "source", "eventId");
        history.runs().forEach(r -> csv.row(history.model(), r.benchmark(), r.metric(), r.score(), r.stderr(),
                r.evaluatedAt(), r.current(), r.source(), r.eventId()));
        return csv.toString();
    }

    static String frontier(ParetoSet set) {
        Csv csv = Csv.withHeader("model", "x", "y", "openness", "parameters");
        set.frontier().forEach(p -> csv.row(p.model(), p.x(), p.y(), p.openness(), p.parameters()));
        return csv.toString();
    }

    /** {@link List#of} refuses nulls; an absent cell is an empty one. */
    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
