package dev.evalboard.chart.service;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An entry of {@link ExpiringCache}: a loaded value, fresh until {@code freshUntil} (the ticker's nanoseconds), then
 * a fallback; with the loader that loaded it, to load it again when it changes.
 */
final class CacheEntry<V> {
    final V value;
    final long freshUntil;
    final Supplier<V> loader;
    /** Answered to a request since it was stored. Written once, not at every hit. */
    volatile boolean read;
    private final AtomicBoolean reloading = new AtomicBoolean();

    CacheEntry(V value, long freshUntil, Supplier<V> loader) {
        this.value = value;
        this.freshUntil = freshUntil;
        this.loader = loader;
    }

    CacheEntry<V> expiredAt(long now) {
        return new CacheEntry<>(value, now, loader);
    }

    V answer() {
        if (!read) {
            read = true;
        }
        return value;
    }

    boolean freshAt(long now) {
        return now - freshUntil < 0;
    }

    /** True for the one request that reloads this expired entry; the others answer it meanwhile. */
    boolean claimReload() {
        return reloading.compareAndSet(false, true);
    }

    void releaseReload() {
        reloading.set(false);
    }
}
