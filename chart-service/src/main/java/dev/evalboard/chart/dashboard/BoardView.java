package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.BoardPage;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** A benchmark's leaderboard page: one page of ranked models, the filters that chose them, a chart of the top. */
@TemplateData
public record BoardView(String benchmark, String metric, String direction, String query, String minParams,
        String maxParams, boolean filtered, List<Option> openness, List<Option> sizes, List<Row> rows, Pager pager,
        boolean anyCi, boolean anyOrganization, String csv, String clear, String pareto, String changes,
        ChartEmbed chart) {

    @TemplateData
    public record Row(long rank, String ciRank, String model, String href, String score, String scoreKey, String ci,
            String parameters, String parametersKey, String openness, String organization, String evaluated,
            String evaluatedKey) {
    }

    static BoardView of(BoardFilter request, BoardPage data, String origin) {
        List<Row> rows = data.entries().stream().map(e -> new Row(e.rank(),
                e.ciRank() == null ? Format.NONE : e.ciRank().toString(), e.model(), ModelView.href(e.model()),
                Format.number(e.score()), Format.key(e.score()), Format.ci95(e.stderr()),
                Format.parameters(e.parameters()), Format.key(e.parameters()), Format.openness(e.openness()),
                e.organization() == null ? Format.NONE : e.organization(), Format.day(e.evaluatedAt()),
                e.evaluatedAt() == null ? "" : e.evaluatedAt().toString())).toList();
        List<Option> openness = DashboardParams.OPENNESS.stream().sorted()
                .map(o -> new Option(o, Format.openness(o), request.openness().contains(o))).toList();
        List<Option> sizes = DashboardParams.PAGE_SIZES.stream()
                .map(s -> new Option(s.toString(), s + " rows", s == request.size())).toList();
        String chartPath = Query.of("/charts/bar.svg").add("benchmark", request.benchmark())
                .add("metric", request.metric()).add("title", request.benchmark() + ": top 5").toString();
        return new BoardView(request.benchmark(), request.metric(),
                data.higherIsBetter() ? "higher is better" : "lower is better", request.query(),
                request.minParams(), request.maxParams(), request.filtered(), openness, sizes, rows,
                Pager.of(request.page(), request.size(), data.total(), rows.size(), p -> request.link(p, null)),
                data.entries().stream().anyMatch(e -> e.stderr() != null),
                data.entries().stream().anyMatch(e -> e.organization() != null),
                request.link(request.page(), "csv"), CatalogView.boardLink(request.benchmark(), request.metric()),
                Query.of("/pareto").add("benchmark", request.benchmark()).add("metric", request.metric()).toString(),
                Query.of("/changes").add("benchmark", request.benchmark()).toString(),
                ChartEmbed.of("top-chart", "Top 5 models on " + request.benchmark() + " (" + request.metric() + ")",
                        chartPath, origin));
    }
}
