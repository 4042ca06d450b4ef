package dev.evalboard.chart.rest;

import dev.evalboard.chart.config.ChartConfig;
import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.BarSeries;
import dev.evalboard.chart.render.ScatterChartSpec;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.service.BarQuery;
import dev.evalboard.chart.service.ChartRequestException;
import dev.evalboard.chart.service.ScatterQuery;
import dev.evalboard.chart.service.XMeasure;
import dev.evalboard.contract.EventRules;
import dev.evalboard.contract.Openness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns query parameters and JSON bodies into chart queries and specs, with the configured defaults. */
@ApplicationScoped
public class ChartRequests {

    private final int defaultWidth;
    private final int defaultHeight;

    ChartRequests(ChartConfig config) {
        this.defaultWidth = config.limits().defaultWidth();
        this.defaultHeight = config.limits().defaultHeight();
    }

    BarQuery barQuery(BarParams p) {
        List<String> benchmarks = OptionParser.names("benchmark", p.benchmark, true);
        return new BarQuery(benchmarks,
                OptionParser.names("model", p.model, false), OptionParser.metric(p.metric),
                Set.copyOf(OptionParser.names("highlight", p.highlight, false)), p.title,
                OptionParser.number("yMin", p.yMin), OptionParser.number("yMax", p.yMax),
                OptionParser.integer("width", p.width, defaultWidth),
                OptionParser.integer("height", p.height, defaultHeight),
                OptionParser.theme(p.theme), OptionParser.flag("labels", p.labels, true),
                OptionParser.flag("errorBars", p.errorBars, false), OptionParser.version(p.version, benchmarks),
                OptionParser.instant("asOf", p.asOf));
    }

    ScatterQuery scatterQuery(ScatterParams p) {
        List<String> benchmarks = OptionParser.names("benchmark", p.benchmark, true);
        return new ScatterQuery(benchmarks, OptionParser.metric(p.metric),
                OptionParser.xMeasure(p.x), OptionParser.flag("logX", p.logX, true),
                Set.copyOf(OptionParser.names("highlight", p.highlight, false)), p.highlightLabel,
                OptionParser.flag("frontier", p.frontier, false), p.title,
                OptionParser.number("xMin", p.xMin), OptionParser.number("xMax", p.xMax),
                OptionParser.number("yMin", p.yMin), OptionParser.number("yMax", p.yMax),
                OptionParser.integer("width", p.width, defaultWidth),
                OptionParser.integer("height", p.height, defaultHeight), OptionParser.theme(p.theme),
                OptionParser.flag("errorBars", p.errorBars, false), OptionParser.version(p.version, benchmarks),
                OptionParser.instant("asOf", p.asOf));
    }

    BarChartSpec barSpec(BarChartBody body) {
        if (body == null) {
            throw ChartRequestException.badParameter("body", "a JSON body is required");
        }
        List<String> benchmarks = required("benchmarks", body.benchmarks());
        List<BarSeries> series = new ArrayList<>();
        for (BarChartBody.Series s : required("series", body.series())) {
            if (s == null || s.model() == null) {
                throw ChartRequestException.badParameter("series", "every series needs a model");
            }
            Map<String, Double> scores = s.scores() == null ? Map.of() : s.scores();
            Map<String, Double> stderr = s.stderr() == null ? Map.of() : s.stderr();
            List<Double> values = new ArrayList<>();
            List<Double> stderrs = new ArrayList<>();
            for (String benchmark : benchmarks) {
                values.add(scores.get(benchmark));
                stderrs.add(stderr.get(benchmark));
            }
            series.add(new BarSeries(s.model(), values, stderrs));
        }
        String yTitle = body.yTitle() == null ? EventRules.DEFAULT_METRIC : body.yTitle();
        return new BarChartSpec(body.title(), yTitle, benchmarks, series,
                highlight(body.highlight()), body.yMin(), body.yMax(), orDefault(body.width(), defaultWidth),
                orDefault(body.height(), defaultHeight), OptionParser.theme(body.theme()),
                body.labels() == null || body.labels(), Boolean.TRUE.equals(body.errorBars()));
    }

    ScatterChartSpec scatterSpec(ScatterChartBody body) {
        if (body == null) {
            throw ChartRequestException.badParameter("body", "a JSON body is required");
        }
        XMeasure x = OptionParser.xMeasure(body.x());
        List<ScatterPoint> points = new ArrayList<>();
        for (ScatterChartBody.Point p : required("points", body.points())) {
            if (p == null || p.model() == null || p.x() == null || p.y() == null) {
                throw ChartRequestException.badParameter("points", "every point needs model, x and y");
            }
            points.add(new ScatterPoint(p.model(), p.x(), p.y(), Openness.fromWireNameOrUnknown(p.openness()), p.stderr()));
        }
        return new ScatterChartSpec(body.title(), body.xTitle() == null ? x.axisTitle() : body.xTitle(), body.yTitle(),
                points, x.style(), body.logX() == null || body.logX(), highlight(body.highlight()),
                body.highlightLabel(), Boolean.TRUE.equals(body.frontier()),
                body.higherIsBetter() == null || body.higherIsBetter(), null,
                body.xMin(), body.xMax(), body.yMin(), body.yMax(), orDefault(body.width(), defaultWidth),
                orDefault(body.height(), defaultHeight), OptionParser.theme(body.theme()),
                Boolean.TRUE.equals(body.errorBars()));
    }

    private static <T> List<T> required(String field, List<T> list) {
        if (list == null) {
            throw ChartRequestException.badParameter(field, field + " is required");
        }
        return list;
    }

    private static Set<String> highlight(List<String> names) {
        return names == null ? Set.of() : Set.copyOf(names.stream().filter(n -> n != null).toList());
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
