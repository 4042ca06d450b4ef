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

    /** At most this many responses are kept (least recently / frequently used go first). */
    @WithDefault("10000")
    int maxEntries();

    /** A safety net: an entry is dropped this long after it was computed even if no change was announced. */
    @WithDefault("30s")
    Duration ttl();
}
