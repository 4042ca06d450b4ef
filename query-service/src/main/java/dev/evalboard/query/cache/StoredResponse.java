package dev.evalboard.query.cache;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An entry of {@link ResponseCache}: a response, when it was stored, the epoch its computation started in, how to
 * compute it again, and when a request last read it or an entry it replaced.
 */
final class StoredResponse {
    /** A hit writes down its read at most this often: a line written by every request thread costs each of them. */
    private static final long READ_MARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    final CachedResponse response;
    final long writtenNanos;
    final long epoch;
    final Supplier<CachedResponse> compute;
    private volatile boolean readSinceStored;
    /** Whether a request read this entry or one it replaced, and when it last did (to within 100 ms). */
    private volatile boolean everRead;
    private volatile long lastReadNanos;

    /** @param replaced the entry this one recomputes (its reads count for this one), or null */
    StoredResponse(CachedResponse response, long epoch, Supplier<CachedResponse> compute, StoredResponse replaced) {
        this.response = response;
        this.writtenNanos = System.nanoTime();
        this.epoch = epoch;
        this.compute = compute;
        if (replaced != null && replaced.everRead) {
            this.lastReadNanos = replaced.lastReadNanos;
            this.everRead = true;
        }
    }

    void markRead(long now) {
        if (!readSinceStored || now - lastReadNanos > READ_MARK_NANOS) {
            lastReadNanos = now;
            everRead = true;
            readSinceStored = true;
        }
    }

    /**
     * Whether a change recomputes this answer rather than drops it: it was read since it was stored, or it (or an
     * answer it replaced) was read within {@code windowNanos}.
     */
    boolean watched(long now, long windowNanos) {
        return readSinceStored || everRead && now - lastReadNanos <= windowNanos;
    }

    /** The body plus what its key and record cost (the key's text twice: Java strings hold UTF-16). */
    static int weight(CacheKey key, StoredResponse stored) {
        long bytes = 256L + 2L * key.toString().length() + stored.response.body().length
                + 2L * stored.response.etag().length();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
