package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.BenchmarkCatalog;
import dev.evalboard.chart.client.TablePage;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** The cross-benchmark table: the benchmarks to pick from, and models ranked by their mean over those picked. */
@TemplateData
public record TableView(String metric, List<Option> choices, List<String> chosen, boolean picked, List<Row> rows,
        Pager pager, List<Option> sizes, String csv, String changes, ChartEmbed chart) {

    @TemplateData
    public record Row(String rank, String rankKey, String model, String href, String mean, String meanKey,
            List<Cell> scores, String parameters, String parametersKey, String openness) {
    }

    @TemplateData
    public record Cell(String text, String key) {
    }

    record Request(List<String> benchmarks, String metric, long page, int size) {
        long offset() {
            return (page - 1) * size;
        }

        String link(long toPage, String format) {
            return Query.of("/table").addAll("benchmark", benchmarks)
                    .add("metric", CatalogView.metricParam(metric))
                    .add("size", size == DashboardParams.DEFAULT_PAGE_SIZE ? null : size)
                    .add("page", toPage == 1 ? null : toPage).add("format", format).toString();
        }
    }

    /** The benchmarks of the catalog that have the metric, by name. */
    static List<String> benchmarksWith(BenchmarkCatalog catalog, String metric) {
        return catalog.benchmarks().stream().filter(b -> b.metrics().stream().anyMatch(m -> m.metric().equals(metric)))
                .map(BenchmarkCatalog.Entry::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    static TableView of(Request request, List<String> available, TablePage data, String origin) {
        List<Option> choices = available.stream()
                .map(name -> new Option(name, name, request.benchmarks().contains(name))).toList();
        List<Row> rows = data.rows().stream().map(r -> new Row(r.rank() == null ? Format.NONE : r.rank().toString(),
                Format.key(r.rank()), r.model(), ModelView.href(r.model()), Format.number(r.mean()),
                Format.key(r.mean()), request.benchmarks().stream().map(b -> cell(r.scores().get(b))).toList(),
                Format.parameters(r.parameters()), Format.key(r.parameters()), Format.openness(r.openness())))
                .toList();
        String chartPath = Query.of("/charts/bar.svg").addAll("benchmark", request.benchmarks())
                .add("metric", request.metric()).toString();
        return new TableView(request.metric(), choices, request.benchmarks(), true, rows,
                Pager.of(request.page(), request.size(), data.total(), rows.size(), p -> request.link(p, null)),
                sizes(request), request.link(request.page(), "csv"),
                Query.of("/changes").addAll("benchmark", request.benchmarks()).toString(),
                ChartEmbed.of("table-chart", "Top 5 models by mean " + request.metric() + " over "
                        + String.join(", ", request.benchmarks()), chartPath, origin));
    }

    /** The picker alone, before any benchmark is picked; it follows every change (new benchmarks appear). */
    static TableView unpicked(Request request, List<String> available) {
        List<Option> choices = available.stream().map(name -> new Option(name, name, false)).toList();
        return new TableView(request.metric(), choices, List.of(), false, List.of(),
                Pager.of(1, request.size(), 0, 0, p -> null), sizes(request), null, "/changes", null);
    }

    private static List<Option> sizes(Request request) {
        return DashboardParams.PAGE_SIZES.stream()
                .map(s -> new Option(s.toString(), s + " rows", s == request.size())).toList();
    }

    private static Cell cell(Double score) {
        return new Cell(Format.number(score), Format.key(score));
    }
}
