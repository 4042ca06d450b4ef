package dev.evalboard.chart.service;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers that live for a fixed time, so a page showing the same chart many times asks query-service once. Only
 * successful loads are kept. Caffeine holds them: it bounds the count, drops an entry once its fallback time is
 * over, and keeps one load per key, whose result (or failure) every concurrent request for the key shares.
 *
 * <p>Once an entry expires it is still kept for a while as a fallback, as HTTP's {@code stale-while-revalidate}
 * and {@code stale-if-error} do: one request reloads it while concurrent requests for the same key get the expired
 * value at once, and if the reload fails in a way the caller calls transient (query-service slow, down, or its
 * circuit breaker open) the expired value is answered instead of the error. Caffeine's own refresh would answer
 * the expired value to the reloading request too; here that request waits for the fresh one.
 */
public final class ExpiringCache<K, V> {

    /** A loaded value, fresh until {@code freshUntil} (the ticker's nanoseconds), then a fallback. */
    private static final class Entry<V> {
        final V value;
        final long freshUntil;
        private final AtomicBoolean reloading = new AtomicBoolean();

        Entry(V value, long freshUntil) {
            this.value = value;
            this.freshUntil = freshUntil;
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

    private final AsyncCache<K, Entry<V>> entries;
    private final long ttlNanos;
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
        this.transientFailure = transientFailure;
        this.current = current;
        this.clock = nanoClock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(nanoClock::getAsLong)
                .expireAfter(ExpiringCache.<K, V>lifetime(ttlNanos, staleFor.toNanos()))
                // Eviction and removal run on the calling thread: nothing waits on a pool to honour the bound.
                .executor(Runnable::run)
                .buildAsync();
    }

    /** An entry lives while fresh, then {@code staleNanos} more as a fallback; nothing lives when the TTL is 0. */
    private static <K, V> Expiry<K, Entry<V>> lifetime(long ttlNanos, long staleNanos) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(K key, Entry<V> entry, long now) {
                return ttlNanos <= 0 ? 0 : Math.max(0, entry.freshUntil - now) + staleNanos;
            }

            @Override
            public long expireAfterUpdate(K key, Entry<V> entry, long now, long remaining) {
                return expireAfterCreate(key, entry, now);
            }

            @Override
            public long expireAfterRead(K key, Entry<V> entry, long now, long remaining) {
                return remaining;
            }
        };
    }

    public V get(K key, Supplier<V> loader) {
        CompletableFuture<Entry<V>> load = new CompletableFuture<>();
        CompletableFuture<Entry<V>> slot = entries.get(key, (k, executor) -> load);
        if (slot == load) {
            return loadInto(load, loader);
        }
        Entry<V> cached = await(slot);
        if (cached.freshAt(clock.getAsLong()) || !cached.claimReload()) {
            return cached.value;
        }
        try {
            V value = loader.get();
            entries.put(key, CompletableFuture.completedFuture(entryFor(value)));
            return value;
        } catch (RuntimeException failure) {
            if (transientFailure.test(failure)) {
                cached.releaseReload();
                return cached.value;
            }
            // The answer itself changed (a benchmark gone, say): the old one must not stand in for it.
            entries.asMap().remove(key, slot);
            throw failure;
        }
    }

    /** Runs the key's one load; Caffeine drops a failed one, so failures are shared with the waiters, not kept. */
    private V loadInto(CompletableFuture<Entry<V>> load, Supplier<V> loader) {
        try {
            V value = loader.get();
            load.complete(entryFor(value));
            return value;
        } catch (Throwable e) {
            // Completed whatever went wrong, or the requests waiting on this load would wait forever.
            load.completeExceptionally(e);
            throw e;
        }
    }

    private Entry<V> entryFor(V value) {
        long now = clock.getAsLong();
        return new Entry<>(value, current.test(value) ? now + ttlNanos : now);
    }

    private static <V> Entry<V> await(CompletableFuture<Entry<V>> running) {
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

    /** Expires the entries whose key matches, keeping them as fallbacks: the next request for one loads it again. */
    public void expireIf(Predicate<K> affected) {
        long now = clock.getAsLong();
        entries.asMap().forEach((key, slot) -> {
            if (!slot.isDone() || slot.isCompletedExceptionally() || !affected.test(key)) {
                return;
            }
            Entry<V> entry = slot.join();
            if (entry.freshAt(now)) {
                entries.asMap().replace(key, slot, CompletableFuture.completedFuture(new Entry<>(entry.value, now)));
            }
        });
    }

    int size() {
        entries.synchronous().cleanUp();
        return (int) entries.synchronous().estimatedSize();
    }
}
