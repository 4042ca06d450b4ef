package dev.evalboard.chart.service;

import java.time.Duration;
import java.util.Comparator;
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
 * <p>A new key in a full map first drops the entries past their fallback time, then the oldest
 * one. The bound is loose by the number of concurrent loads, which is plenty for a few hundred
 * charts.
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
    private final Predicate<V> current;
    private final LongSupplier clock;

    /**
     * @param staleFor how long after expiry an entry may still stand in for a reload in progress or a failed one
     * @param transientFailure which load failures the expired entry may hide
     * @param current whether a loaded value is as new as it should be; one that is not is answered and kept only as
     *                a fallback, so the next request loads again
     */
    public ExpiringCache(Duration ttl, Duration staleFor, int maxEntries, Predicate<RuntimeException> transientFailure,
                         Predicate<V> current, LongSupplier nanoClock) {
        if (ttl.isNegative() || staleFor.isNegative()) {
            throw new IllegalArgumentException("cache durations must not be negative: ttl " + ttl + ", stale " + staleFor);
        }
        this.ttlNanos = ttl.toNanos();
        this.staleNanos = staleFor.toNanos();
        this.maxEntries = maxEntries;
        this.transientFailure = transientFailure;
        this.current = current;
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
            // Another load may have finished between the first look and taking the slot.
            Entry<V> latest = entries.get(key);
            if (latest != null && clock.getAsLong() - latest.expiresAt() < 0) {
                finish(key, load, latest.value(), null);
                return latest.value();
            }
            V value = loader.get();
            store(key, value);
            finish(key, load, value, null);
            return value;
        } catch (Throwable e) {
            // Finished whatever went wrong, or the requests waiting on this load would wait forever.
            finish(key, load, null, e);
            if (e instanceof RuntimeException failure && transientFailure.test(failure)) {
                if (fallback != null) {
                    return fallback;
                }
            } else if (cached != null) {
                // The answer itself changed (a benchmark gone, say): the old one must not stand in for it.
                entries.remove(key, cached);
            }
            throw e;
        }
    }

    /** Frees the key's load slot before waking its waiters, so no later request joins a load already done. */
    private void finish(K key, CompletableFuture<V> load, V value, Throwable failure) {
        loads.remove(key, load);
        if (failure == null) {
            load.complete(value);
        } else {
            load.completeExceptionally(failure);
        }
    }

    private static <V> V await(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Keeps {@code key}'s new value; a new key in a full map first evicts the entries past fallback, else the oldest. */
    private void store(K key, V value) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = clock.getAsLong();
        if (!entries.containsKey(key) && entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.expiresAt() >= staleNanos);
            if (entries.size() >= maxEntries) {
                entries.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().expiresAt() - now))
                        .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
            }
        }
        entries.put(key, new Entry<>(value, current.test(value) ? now + ttlNanos : now));
    }

    /** Expires the entries whose key matches, keeping them as fallbacks: the next request for one loads it again. */
    public void expireIf(Predicate<K> affected) {
        long now = clock.getAsLong();
        entries.replaceAll((key, entry) -> affected.test(key) && now - entry.expiresAt() < 0
                ? new Entry<>(entry.value(), now) : entry);
    }

    int size() {
        return entries.size();
    }
}
