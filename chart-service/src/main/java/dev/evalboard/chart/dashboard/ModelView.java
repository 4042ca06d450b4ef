package dev.evalboard.chart.dashboard;

import dev.evalboard.chart.client.ModelResults;
import io.quarkus.qute.TemplateData;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A model's page: its attributes, its current results, and its run history. */
@TemplateData
public record ModelView(String name, String parameters, String activeParameters, String openness,
        String organization, List<Result> results, List<Run> runs, int historyLimit, String csv, String historyCsv,
        String changes, ChartEmbed chart) {
    /** Runs shown: the newest; the history API pages beyond them. */
    static final int HISTORY_LIMIT = 100;
    /** Benchmarks a bar chart can group (chart-service's max-groups default). */
    private static final int CHART_GROUPS = 50;

    @TemplateData
    public record Result(String benchmark, String metric, String board, String score, String scoreKey, String ci,
            String samples, String cost, String evaluated, String evaluatedKey) {
    }

    @TemplateData
    public record Run(String benchmark, String metric, String score, String ci, String evaluated,
            String evaluatedKey, String source, String sourceHref, boolean current) {
    }

    static String href(String model) {
        return Query.of("/model").add("name", model).toString();
    }

    static ModelView of(ModelResults model, ModelResults.History history, String origin) {
        List<Result> results = model.results().stream()
                .sorted(Comparator.comparing(ModelResults.Run::benchmark, String.CASE_INSENSITIVE_ORDER))
                .map(r -> new Result(r.benchmark(), r.metric(), CatalogView.boardLink(r.benchmark(), r.metric()),
                        Format.number(r.score()), Format.key(r.score()), Format.ci95(r.stderr()),
                        r.samples() == null ? Format.NONE : r.samples().toString(), Format.cost(r.costUsd()),
                        Format.day(r.evaluatedAt()), r.evaluatedAt() == null ? "" : r.evaluatedAt().toString()))
                .toList();
        List<Run> runs = history.runs().stream().map(r -> new Run(r.benchmark(), r.metric(),
                Format.number(r.score()), Format.ci95(r.stderr()), Format.minute(r.evaluatedAt()),
                r.evaluatedAt() == null ? "" : r.evaluatedAt().toString(), r.source() == null ? "" : r.source(),
                webLink(r.source()), r.current())).toList();
        return new ModelView(model.name(), Format.parameters(model.parameters()),
                Format.parameters(model.activeParameters()), Format.openness(model.openness()),
                model.organization() == null ? Format.NONE : model.organization(), results, runs, HISTORY_LIMIT,
                Query.of("/model").add("name", model.name()).add("format", "csv").toString(),
                Query.of("/model").add("name", model.name()).add("table", "history").add("format", "csv").toString(),
                Query.of("/changes").addAll("benchmark", model.results().stream().map(ModelResults.Run::benchmark)
                        .distinct().limit(ChangeStreamResource.MAX_BENCHMARKS).toList()).toString(),
                chart(model, origin));
    }

    /** The model's scores in its most common metric, one bar group per benchmark; null without results. */
    private static ChartEmbed chart(ModelResults model, String origin) {
        Map<String, Long> metrics = model.results().stream()
                .collect(Collectors.groupingBy(ModelResults.Run::metric, Collectors.counting()));
        String metric = metrics.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(null);
        if (metric == null) {
            return null;
        }
        List<String> benchmarks = model.results().stream().filter(r -> r.metric().equals(metric))
                .map(ModelResults.Run::benchmark).sorted(String.CASE_INSENSITIVE_ORDER).distinct()
                .limit(CHART_GROUPS).toList();
        String path = Query.of("/charts/bar.svg").addAll("benchmark", benchmarks).add("model", model.name())
                .add("metric", metric).add("title", model.name()).toString();
        return ChartEmbed.of("model-chart", model.name() + " on " + benchmarks.size() + " benchmarks (" + metric + ")",
                path, origin);
    }

    /** Only http(s) sources become links; anything else is shown as text. */
    private static String webLink(String source) {
        if (source == null) {
            return null;
        }
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? source : null;
    }
}
