package dev.evalboard.chart.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small map whose entries live for a fixed time, so a page showing the same chart many times
 * asks query-service once. Only successful loads are kept.
 *
 * <p>Once an entry expires it is still kept for a while as a fallback, as HTTP's
 * {@code stale-while-revalidate} and {@code stale-if-error} do: one request reloads it while
 * concurrent requests for the same key get the expired value at once, and if the reload fails
 * in a way the caller calls transient (query-service slow, down, or its circuit breaker open)
 * the expired value is answered instead of the error. Without a fallback, concurrent requests
 * for a key wait for the one load in progress rather than each asking query-service again.
 *
 * <p>When full it first drops entries past their fallback time, then everything: crude, but
 * bounded and enough for a handful of popular charts.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<V>> loads = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final long staleNanos;
    private final int maxEntries;
    private final Predicate<RuntimeException> transientFailure;
    private final LongSupplier clock;

    /**
     * @param staleFor how long after expiry an entry may still stand in for a reload in progress or a failed one
     * @param transientFailure which load failures the expired entry may hide
     */
    public ExpiringCache(Duration ttl, Duration staleFor, int maxEntries, Predicate<RuntimeException> transientFailure,
                         LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.staleNanos = staleFor.toNanos();
        this.maxEntries = maxEntries;
        this.transientFailure = transientFailure;
        this.clock = nanoClock;
    }

    public V get(K key, Supplier<V> loader) {
        long now = clock.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.value();
        }
        V fallback = cached != null && now - cached.expiresAt() < staleNanos ? cached.value() : null;
        CompletableFuture<V> load = new CompletableFuture<>();
        CompletableFuture<V> running = loads.putIfAbsent(key, load);
        if (running != null) {
            return fallback != null ? fallback : await(running);
        }
        try {
            V value = loader.get();
            store(key, value);
            load.complete(value);
            return value;
        } catch (Throwable e) {
            // Completed whatever went wrong, or the requests waiting on this load would wait forever.
            load.completeExceptionally(e);
            if (fallback != null && e instanceof RuntimeException failure && transientFailure.test(failure)) {
                return fallback;
            }
            throw e;
        } finally {
            loads.remove(key, load);
        }
    }

    private static <V> V await(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void store(K key, V value) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = clock.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.expiresAt() >= staleNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
    }

    int size() {
        return entries.size();
    }
}
