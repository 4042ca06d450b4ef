package dev.evalboard.query.cache;

import java.util.function.Supplier;

/**
 * An entry of {@link ResponseCache}: a response, when it was stored, the epoch its computation started in, how to
 * compute it again, and whether a request read it since.
 */
final class StoredResponse {
    final CachedResponse response;
    final long writtenNanos;
    final long epoch;
    final Supplier<CachedResponse> compute;
    volatile boolean read;

    StoredResponse(CachedResponse response, long epoch, Supplier<CachedResponse> compute) {
        this.response = response;
        this.writtenNanos = System.nanoTime();
        this.epoch = epoch;
        this.compute = compute;
    }

    /** The body plus what its key and record cost (the key's text twice: Java strings hold UTF-16). */
    static int weight(CacheKey key, StoredResponse stored) {
        long bytes = 256L + 2L * key.toString().length() + stored.response.body().length
                + 2L * stored.response.etag().length();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
