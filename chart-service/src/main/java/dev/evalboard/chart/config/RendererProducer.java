package dev.evalboard.chart.config;

import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.chart.BarChartRenderer;
import dev.evalboard.chart.render.chart.ProgressChartRenderer;
import dev.evalboard.chart.render.chart.ScatterChartRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the plain-Java renderers injectable, bounded by the configured limits. */
@ApplicationScoped
public class RendererProducer {

    private final ChartLimits limits;

    RendererProducer(ChartConfig config) {
        ChartConfig.Limits l = config.limits();
        this.limits = new ChartLimits(l.minSize(), l.maxSize(), l.maxSeries(), l.maxGroups(), l.maxPoints(),
                l.minHeight());
    }

    @Produces
    @ApplicationScoped
    BarChartRenderer barChartRenderer() {
        return new BarChartRenderer(limits);
    }

    @Produces
    @ApplicationScoped
    ScatterChartRenderer scatterChartRenderer() {
        return new ScatterChartRenderer(limits);
    }

    @Produces
    @ApplicationScoped
    ProgressChartRenderer progressChartRenderer() {
        return new ProgressChartRenderer(limits);
    }
}
