package dev.evalboard.chart.service;

import dev.evalboard.chart.client.ProgressLine;
import dev.evalboard.chart.render.ProgressChartSpec;
import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.chart.ProgressChartRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Progress charts: inline data directly, URL requests via query-service's running best. */
@ApplicationScoped
public class ProgressChartService {

    private final ChartDataService data;
    private final ProgressChartRenderer renderer;

    ProgressChartService(ChartDataService data, ProgressChartRenderer renderer) {
        this.data = data;
        this.renderer = renderer;
    }

    public String render(ProgressChartSpec spec) {
        return renderer.render(spec);
    }

    public String progressChart(ProgressQuery q) {
        ProgressLine line = data.progress(q.benchmark(), q.metric(), q.version(), q.runs());
        List<ProgressPoint> steps = points(line.steps());
        List<ProgressPoint> runs = q.runs() ? points(line.runs()) : List.of();
        // query-service sends a bounded sample of the other runs; the description counts the rest.
        long notSent = q.runs() ? Math.max(0, line.runCount() - line.stepCount() - runs.size()) : 0;
        return renderer.render(new ProgressChartSpec(q.title(), q.benchmark() + " " + q.metric(), steps, runs,
                notSent, q.yMin(), q.yMax(), q.width(), q.height(), q.theme()));
    }

    private static List<ProgressPoint> points(List<ProgressLine.Run> runs) {
        List<ProgressPoint> points = new ArrayList<>();
        for (ProgressLine.Run r : runs == null ? List.<ProgressLine.Run>of() : runs) {
            if (r != null && r.model() != null && r.score() != null && r.evaluatedAt() != null) {
                points.add(new ProgressPoint(r.model(), r.evaluatedAt(), r.score()));
            }
        }
        return points;
    }
}
