package dev.evalboard.chart.rest;

import dev.evalboard.chart.config.ChartConfig;
import dev.evalboard.chart.render.ProgressChartSpec;
import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.chart.RunningBest;
import dev.evalboard.chart.service.ChartRequestException;
import dev.evalboard.chart.service.ProgressQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Turns progress-chart parameters and bodies into queries and specs, with the configured defaults. */
@ApplicationScoped
public class ProgressRequests {

    /** About 2 MB of body: the runs a request may hand in to be split into steps and the rest. */
    static final int MAX_POSTED_POINTS = 20_000;

    private final int defaultWidth;
    private final int defaultHeight;

    ProgressRequests(ChartConfig config) {
        this.defaultWidth = config.limits().defaultWidth();
        this.defaultHeight = config.limits().defaultHeight();
    }

    ProgressQuery query(ProgressParams p) {
        List<String> benchmark = OptionParser.names("benchmark", p.benchmark == null ? null : List.of(p.benchmark),
                true);
        return new ProgressQuery(benchmark.get(0), OptionParser.metric(p.metric),
                OptionParser.flag("runs", p.runs, false), p.title,
                OptionParser.number("yMin", p.yMin), OptionParser.number("yMax", p.yMax),
                OptionParser.integer("width", p.width, defaultWidth),
                OptionParser.integer("height", p.height, defaultHeight), OptionParser.theme(p.theme),
                OptionParser.version(p.version, benchmark));
    }

    ProgressChartSpec spec(ProgressChartBody body) {
        if (body == null) {
            throw ChartRequestException.badParameter("body", "a JSON body is required");
        }
        if (body.points() == null) {
            throw ChartRequestException.badParameter("points", "points is required");
        }
        if (body.points().size() > MAX_POSTED_POINTS) {
            throw ChartRequestException.badParameter("points", "points: at most " + MAX_POSTED_POINTS
                    + " allowed, got " + body.points().size());
        }
        List<ProgressPoint> points = new ArrayList<>();
        for (ProgressChartBody.Point p : body.points()) {
            if (p == null || p.model() == null || p.score() == null || p.evaluatedAt() == null) {
                throw ChartRequestException.badParameter("points", "every point needs model, score and evaluatedAt");
            }
            points.add(new ProgressPoint(p.model(), instant(p.evaluatedAt()), p.score()));
        }
        RunningBest.Split split = RunningBest.split(points, body.higherIsBetter() == null || body.higherIsBetter());
        boolean runs = Boolean.TRUE.equals(body.runs());
        return new ProgressChartSpec(body.title(), body.yTitle(), split.steps(), runs ? split.others() : List.of(), 0,
                body.yMin(), body.yMax(), body.width() == null ? defaultWidth : body.width(),
                body.height() == null ? defaultHeight : body.height(), OptionParser.theme(body.theme()));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ChartRequestException.badParameter("points", "evaluatedAt must be an ISO-8601 instant such as "
                    + "2025-07-01T12:00:00Z");
        }
    }
}
