package dev.evalboard.chart.service;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An entry of {@link ExpiringCache}: a loaded value, fresh until {@code freshUntil} (the ticker's nanoseconds), then
 * a fallback; with the loader that loaded it, to load it again when it changes, and when a request last read it or
 * an entry it replaced.
 */
final class CacheEntry<V> {
    /** A request writes down its read at most this often: a line written by every request thread costs each of them. */
    private static final long READ_MARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    final V value;
    final long freshUntil;
    final Supplier<V> loader;
    private volatile boolean readSinceStored;
    /** Whether a request read this entry or one it replaced, and when it last did (to within 100 ms). */
    private volatile boolean everRead;
    private volatile long lastReadNanos;
    private final AtomicBoolean reloading = new AtomicBoolean();

    /** @param replaced the entry this one loads again (its reads count for this one), or null */
    CacheEntry(V value, long freshUntil, Supplier<V> loader, CacheEntry<V> replaced) {
        this.value = value;
        this.freshUntil = freshUntil;
        this.loader = loader;
        if (replaced != null && replaced.everRead) {
            this.lastReadNanos = replaced.lastReadNanos;
            this.everRead = true;
        }
    }

    /** The same value, expired at {@code now}, read as much as this one. */
    CacheEntry<V> expiredAt(long now) {
        CacheEntry<V> expired = new CacheEntry<>(value, now, loader, this);
        expired.readSinceStored = readSinceStored;
        return expired;
    }

    V answer(long now) {
        if (!readSinceStored || now - lastReadNanos > READ_MARK_NANOS) {
            lastReadNanos = now;
            everRead = true;
            readSinceStored = true;
        }
        return value;
    }

    /**
     * Whether a change loads this entry again at once rather than just expiring it: it was read since it was loaded,
     * or it (or an entry it replaced) was read within {@code windowNanos}.
     */
    boolean watched(long now, long windowNanos) {
        return readSinceStored || everRead && now - lastReadNanos <= windowNanos;
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
