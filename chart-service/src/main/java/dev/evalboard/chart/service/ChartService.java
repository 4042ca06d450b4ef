package dev.evalboard.chart.service;

import dev.evalboard.chart.client.LeaderboardTable;
import dev.evalboard.chart.client.ParetoSet;
import dev.evalboard.chart.client.QueryApi;
import dev.evalboard.chart.config.ChartConfig;
import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.BarSeries;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import dev.evalboard.contract.Openness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns chart requests into SVG: inline data directly, URL requests via query-service data. */
@ApplicationScoped
public class ChartService {

    private final ChartDataService data;
    private final BarChartRenderer bars;
    private final ScatterChartRenderer scatters;
    private final int defaultTopModels;
    private final int maxModels;

    ChartService(ChartDataService data, BarChartRenderer bars, ScatterChartRenderer scatters, ChartConfig config) {
        this.data = data;
        this.bars = bars;
        this.scatters = scatters;
        this.defaultTopModels = config.limits().defaultTopModels();
        this.maxModels = config.limits().maxSeries();
    }

    public String render(BarChartSpec spec) {
        return bars.render(spec);
    }

    public String render(ScatterChartSpec spec) {
        return scatters.render(spec);
    }

    public String barChart(BarQuery q) {
        if (q.models().size() > maxModels) {
            // Checked before asking query-service: an over-long URL should cost nothing.
            throw ChartRequestException.badParameter("model", "model: at most " + maxModels + " allowed, got "
                    + q.models().size());
        }
        // The top models are the table's first rows; named ones are looked for in its largest page.
        LeaderboardTable table = data.leaderboard(q.benchmarks(), q.metric(), q.version(),
                q.models().isEmpty() ? defaultTopModels : QueryApi.TABLE_ROWS, q.asOf());
        List<LeaderboardTable.Row> rows = q.models().isEmpty() ? topRows(table, q) : namedRows(table, q);
        List<BarSeries> series = new ArrayList<>();
        for (LeaderboardTable.Row row : rows) {
            List<Double> values = new ArrayList<>();
            List<Double> stderrs = new ArrayList<>();
            for (String benchmark : q.benchmarks()) {
                values.add(row.scores() == null ? null : row.scores().get(benchmark));
                stderrs.add(row.stderrs() == null ? null : usableStderr(row.stderrs().get(benchmark)));
            }
            series.add(new BarSeries(row.model(), values, stderrs));
        }
        return bars.render(new BarChartSpec(q.title(), q.metric(), q.benchmarks(), series, q.highlight(),
                q.yMin(), q.yMax(), q.width(), q.height(), q.theme(), q.labels(), q.errorBars()));
    }

    public String scatterChart(ScatterQuery q) {
        ParetoSet pareto = data.pareto(q.benchmarks(), q.metric(), q.version(), q.x(), q.highlight(), q.asOf());
        List<ScatterPoint> points = new ArrayList<>();
        Set<String> frontier = new HashSet<>();
        for (ParetoSet.Point p : nonNull(pareto.frontier())) {
            frontier.add(p.model());
            addPoint(points, p);
        }
        Set<String> added = new HashSet<>(frontier);
        for (ParetoSet.Point p : concat(nonNull(pareto.dominated()), nonNull(pareto.requested()))) {
            if (added.add(p.model())) {
                addPoint(points, p);
            }
        }
        // A fixed order whatever order query-service lists points in keeps the bytes deterministic.
        points.sort(Comparator.comparingDouble(ScatterPoint::x).thenComparingDouble(p -> -p.y())
                .thenComparing(ScatterPoint::name));
        String yTitle = (q.benchmarks().size() == 1 ? q.benchmarks().get(0) : "Mean of " + String.join(", ", q.benchmarks()))
                + " " + q.metric();
        return scatters.render(new ScatterChartSpec(q.title(), q.x().axisTitle(), yTitle, points, q.x().style(),
                q.logX(), q.highlight(), q.highlightLabel(), q.frontier(), true, frontier,
                q.xMin(), q.xMax(), q.yMin(), q.yMax(), q.width(), q.height(), q.theme(), q.errorBars()));
    }

    private static void addPoint(List<ScatterPoint> points, ParetoSet.Point p) {
        if (p.model() != null && p.x() != null && p.y() != null) {
            points.add(new ScatterPoint(p.model(), p.x(), p.y(), Openness.fromWireNameOrUnknown(p.openness()),
                    usableStderr(p.stderr())));
        }
    }

    /** A standard error from query-service that a chart can draw, else none: its data never fails a chart. */
    private static Double usableStderr(Double stderr) {
        return stderr != null && stderr >= 0 && stderr <= 1e15 ? stderr : null;
    }

    private List<LeaderboardTable.Row> topRows(LeaderboardTable table, BarQuery q) {
        List<LeaderboardTable.Row> ranked = nonNull(table.rows()).stream().filter(r -> r.rank() != null)
                .sorted(Comparator.comparingInt(LeaderboardTable.Row::rank)).limit(defaultTopModels).toList();
        if (ranked.isEmpty()) {
            throw new ChartRequestException(404, "benchmark", "no model has a " + q.metric()
                    + " result on every one of " + String.join(", ", q.benchmarks()));
        }
        return ranked;
    }

    private static List<LeaderboardTable.Row> namedRows(LeaderboardTable table, BarQuery q) {
        List<LeaderboardTable.Row> rows = new ArrayList<>();
        for (String model : q.models()) {
            LeaderboardTable.Row row = nonNull(table.rows()).stream().filter(r -> model.equals(r.model()))
                    .findFirst().orElseThrow(() -> new ChartRequestException(404, "model", "model '" + model
                            + "' has no " + q.metric() + " result on " + String.join(", ", q.benchmarks())));
            rows.add(row);
        }
        return rows;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
