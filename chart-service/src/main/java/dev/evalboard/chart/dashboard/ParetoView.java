package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.ParetoSet;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** The Pareto view: the scatter chart with its frontier, and the frontier as a table. */
@TemplateData
public record ParetoView(String benchmark, String metric, String xLabel, List<Option> measures, List<Row> frontier,
        long dominated, long excluded, String board, String csv, String changes, ChartEmbed chart) {

    @TemplateData
    public record Row(String model, String href, String x, String xKey, String score, String scoreKey,
            String openness) {
    }

    static ParetoView of(String benchmark, String metric, String x, ParetoSet data, String origin) {
        boolean cost = x.equals("costUsd");
        List<Row> frontier = data.frontier().stream().map(p -> new Row(p.model(), ModelView.href(p.model()),
                cost ? Format.cost(p.x()) : Format.parameters(p.x() == null ? null : p.x().longValue()),
                Format.key(p.x()), Format.number(p.y()), Format.key(p.y()), Format.openness(p.openness()))).toList();
        List<Option> measures = List.of(new Option("parameters", "Total parameters", x.equals("parameters")),
                new Option("activeParameters", "Active parameters", x.equals("activeParameters")),
                new Option("costUsd", "Cost (USD)", cost));
        String label = measures.stream().filter(Option::checked).findFirst().orElseThrow().label();
        String chartPath = Query.of("/charts/scatter.svg").add("benchmark", benchmark).add("metric", metric)
                .add("x", x).add("logX", "true").add("frontier", "true").add("title", benchmark).toString();
        return new ParetoView(benchmark, metric, label, measures, frontier,
                data.dominated() == null ? 0 : data.dominated().size(),
                data.excluded() == null ? 0 : data.excluded(), CatalogView.boardLink(benchmark, metric),
                Query.of("/pareto").add("benchmark", benchmark).add("metric", CatalogView.metricParam(metric))
                        .add("x", x).add("format", "csv").toString(),
                Query.of("/changes").add("benchmark", benchmark).toString(),
                ChartEmbed.of("pareto-chart", metric + " on " + benchmark + " against " + label.toLowerCase()
                        + ", with the Pareto frontier", chartPath, origin));
    }
}
