package dev.evalboard.query.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code evalboard.query.cache.*}: the in-memory cache of response bodies. */
@ConfigMapping(prefix = "evalboard.query.cache")
public interface CacheConfig {

    /** Off: every request reads the database. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The share of the maximum heap the cached bodies may take, weighed in bytes (least recently / frequently used
     * go first): a count of entries says nothing when one Pareto set is 15 MB.
     */
    @WithDefault("0.1")
    double maxHeapFraction();

    /** A safety net: an entry is dropped this long after it was computed even if no change was announced. */
    @WithDefault("30s")
    Duration ttl();

    /**
     * How long after its last read an answer stays watched: a change recomputes a watched answer at once and drops
     * the others. Longer than a dashboard's refresh period, so a board polled every few seconds under continuous
     * ingest is answered from the cache at every poll. An answer computed for one request and never read from the
     * cache is not watched.
     */
    @WithDefault("10s")
    Duration watchedFor();
}
