package dev.evalboard.chart.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the chart service, under {@code evalboard.chart}. */
@ConfigMapping(prefix = "evalboard.chart")
public interface ChartConfig {

    Limits limits();

    Cache cache();

    /** Bounds on one chart; past them a request gets a 400 naming the bound. */
    interface Limits {

        @WithDefault("200")
        int minSize();

        @WithDefault("4000")
        int maxSize();

        @WithDefault("800")
        int defaultWidth();

        @WithDefault("500")
        int defaultHeight();

        /** Models per bar chart. */
        @WithDefault("50")
        int maxSeries();

        /** Benchmarks per bar chart. */
        @WithDefault("50")
        int maxGroups();

        @WithDefault("2000")
        int maxPoints();

        /** Models in a bar chart when the request names none. */
        @WithDefault("5")
        int defaultTopModels();
    }

    /** The short-lived cache of query-service answers. */
    interface Cache {

        @WithDefault("PT30S")
        Duration ttl();

        /**
         * How long after expiry an answer may still be drawn while a fresh one loads, or instead of it when
         * query-service is slow or down: a chart a few minutes old beats an error card on a dashboard.
         */
        @WithDefault("PT10M")
        Duration serveStaleFor();

        @WithDefault("256")
        int maxEntries();
    }
}
