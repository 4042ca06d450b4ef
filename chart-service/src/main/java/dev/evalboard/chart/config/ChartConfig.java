package dev.evalboard.chart.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the chart service, under {@code evalboard.chart}. */
@ConfigMapping(prefix = "evalboard.chart")
public interface ChartConfig {

    Limits limits();

    Cache cache();

    Png png();

    /** Bounds on one chart; past them a request gets a 400 naming the bound. */
    interface Limits {

        /** The smallest width. */
        @WithDefault("200")
        int minSize();

        @WithDefault("150")
        int minHeight();

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

    /**
     * PNG rasterising holds several full-size ARGB images at once (about 13 bytes a pixel, measured): it is bounded
     * by size, by how many run at a time and by the pixels in flight, so large PNGs cannot take the memory every
     * other request needs. Past a bound that frees up, a 503 with Retry-After; past one that does not, a 400.
     */
    interface Png {

        /** PNGs rasterised at the same time. */
        @WithDefault("2")
        int maxConcurrent();

        /** width × height of one PNG (an SVG of any allowed size is fine). */
        @WithDefault("16000000")
        long maxPixels();

        /** The share of the maximum heap that the PNGs in flight may hold together; bounds one PNG as well. */
        @WithDefault("0.4")
        double maxHeapFraction();

        /** The Retry-After of a 503 when all PNG slots are busy or memory ran short. */
        @WithDefault("PT2S")
        Duration retryAfter();
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

        /**
         * How long after its last read a chart's data is still loaded again at once when its benchmark changes (the
         * others only expire): longer than a dashboard's refresh period. Data asked for only once is never reloaded.
         */
        @WithDefault("PT10S")
        Duration watchedFor();

        @WithDefault("256")
        int maxEntries();
    }
}
