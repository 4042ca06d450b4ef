package dev.evalboard.query.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What {@link ResponseCache} did, as {@code evalboard.query.cache.*} metrics. */
final class CacheMetrics {
    private static final String REQUESTS = "evalboard.query.cache.requests";

    final Counter hits;
    final Counter misses;
    final Counter bypasses;
    final Counter coalesced;
    final Counter invalidations;
    final Counter refreshes;
    final Counter recomputed;

    CacheMetrics(MeterRegistry registry, ResponseCache cache) {
        hits = requests(registry, "hit", "Responses served from the cache");
        misses = requests(registry, "miss", "Responses computed and offered to the cache");
        bypasses = requests(registry, "bypass",
                "Responses computed without the cache (disabled, or the change feed not live)");
        coalesced = requests(registry, "coalesced",
                "Misses that waited for the same response being computed for another request");
        refreshes = Counter.builder("evalboard.query.cache.refreshes")
                .description("Entries recomputed in the background shortly before their TTL ended").register(registry);
        invalidations = Counter.builder("evalboard.query.cache.invalidations")
                .description("Changes handled: answers about the changed benchmarks dropped or recomputed")
                .register(registry);
        recomputed = Counter.builder("evalboard.query.cache.recomputed")
                .description("Watched answers (read lately) recomputed when a change named their benchmarks")
                .register(registry);
        Gauge.builder("evalboard.query.cache.size", cache, ResponseCache::estimatedSize)
                .description("Responses in the cache").register(registry);
        Gauge.builder("evalboard.query.cache.bytes", cache, ResponseCache::bytes)
                .description("Estimated bytes held by the cached responses").register(registry);
        Gauge.builder("evalboard.query.cache.live", cache, c -> c.isLive() ? 1 : 0)
                .description("1 while this instance reads the change feed").register(registry);
    }

    private static Counter requests(MeterRegistry registry, String result, String description) {
        return Counter.builder(REQUESTS).tag("result", result).description(description).register(registry);
    }
}
