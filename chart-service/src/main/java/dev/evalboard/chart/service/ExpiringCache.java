package dev.evalboard.chart.service;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

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
 *
 * <p>When what an entry holds changes ({@link #reloadIf}), an entry that is being looked at (read since it was
 * loaded, or within {@code watchedFor} of its last read, counting the reads of the entries it replaced) is loaded
 * again at once in the background, as query-service recomputes its answers, and requests get the old value meanwhile
 * instead of waiting for the load: a chart polled every few seconds under continuous ingest is then never waited
 * for. An entry nobody read lately is only expired, so an embed shown once is not reloaded at every change.
 */
public final class ExpiringCache<K, V> {

    /**
     * How often a background reload asks again for a value that is not yet current: after 25, 50, then every 100 ms,
     * about 3 s in all.
     */
    private static final int RETRIES = 32;

    private final AsyncCache<K, CacheEntry<V>> entries;
    private final long ttlNanos;
    private final long watchedForNanos;
    private final Predicate<RuntimeException> transientFailure;
    private final ToLongFunction<V> seen;
    private final ToLongFunction<K> required;
    private final LongSupplier clock;
    private final ScheduledExecutorService reloads;

    /**
     * @param staleFor how long after expiry an entry may still stand in for a reload in progress or a failed one
     * @param watchedFor how long after its last read an entry is still loaded again at once when it changes
     * @param transientFailure which load failures the expired entry may hide
     * @param seen how new a loaded value is: the last change it reflects
     * @param required the last change a key's value must reflect now; a value that does not is answered and kept
     *                 only as a fallback, so the next request loads again
     * @param reloads where entries are loaded again when they change
     */
    public ExpiringCache(Duration ttl, Duration staleFor, Duration watchedFor, int maxEntries,
                         Predicate<RuntimeException> transientFailure,
                         ToLongFunction<V> seen, ToLongFunction<K> required, LongSupplier nanoClock,
                         ScheduledExecutorService reloads) {
        if (ttl.isNegative() || staleFor.isNegative() || watchedFor.isNegative()) {
            throw new IllegalArgumentException("cache durations must not be negative: ttl " + ttl + ", stale "
                    + staleFor + ", watched " + watchedFor);
        }
        this.ttlNanos = ttl.toNanos();
        this.watchedForNanos = watchedFor.toNanos();
        this.transientFailure = transientFailure;
        this.seen = seen;
        this.required = required;
        this.clock = nanoClock;
        this.reloads = reloads;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(nanoClock::getAsLong)
                .expireAfter(ExpiringCache.<K, V>lifetime(ttlNanos, staleFor.toNanos()))
                // Eviction and removal run on the calling thread: nothing waits on a pool to honour the bound.
                .executor(Runnable::run)
                .buildAsync();
    }

    /** An entry lives while fresh, then {@code staleNanos} more as a fallback; nothing lives when the TTL is 0. */
    private static <K, V> Expiry<K, CacheEntry<V>> lifetime(long ttlNanos, long staleNanos) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(K key, CacheEntry<V> entry, long now) {
                return ttlNanos <= 0 ? 0 : Math.max(0, entry.freshUntil - now) + staleNanos;
            }

            @Override
            public long expireAfterUpdate(K key, CacheEntry<V> entry, long now, long remaining) {
                return expireAfterCreate(key, entry, now);
            }

            @Override
            public long expireAfterRead(K key, CacheEntry<V> entry, long now, long remaining) {
                return remaining;
            }
        };
    }

    public V get(K key, Supplier<V> loader) {
        CompletableFuture<CacheEntry<V>> load = new CompletableFuture<>();
        CompletableFuture<CacheEntry<V>> slot = entries.get(key, (k, executor) -> load);
        if (slot == load) {
            return loadInto(key, load, loader);
        }
        CacheEntry<V> cached = await(slot);
        long now = clock.getAsLong();
        if (cached.freshAt(now) || !cached.claimReload()) {
            return cached.answer(now);
        }
        try {
            V value = loader.get();
            CompletableFuture<CacheEntry<V>> stored = CompletableFuture.completedFuture(entryFor(key, value, loader,
                    cached));
            entries.put(key, stored);
            settle(key, stored);
            return value;
        } catch (RuntimeException failure) {
            if (standsInAfter(failure, key, slot)) {
                return cached.value;
            }
            throw failure;
        }
    }

    /**
     * After a failed reload of {@code slot}'s expired entry: whether that entry may stand in. It may after a transient
     * failure, and the next request tries again; otherwise the answer itself changed (a benchmark gone, say), and the
     * old one is dropped.
     */
    private boolean standsInAfter(RuntimeException failure, K key, CompletableFuture<CacheEntry<V>> slot) {
        if (transientFailure.test(failure)) {
            slot.join().releaseReload();
            return true;
        }
        entries.asMap().remove(key, slot);
        return false;
    }

    /** Runs the key's one load; Caffeine drops a failed one, so failures are shared with the waiters, not kept. */
    private V loadInto(K key, CompletableFuture<CacheEntry<V>> load, Supplier<V> loader) {
        try {
            V value = loader.get();
            load.complete(entryFor(key, value, loader, null));
            settle(key, load);
            return value;
        } catch (Throwable e) {
            // Completed whatever went wrong, or the requests waiting on this load would wait forever.
            load.completeExceptionally(e);
            throw e;
        }
    }

    private CacheEntry<V> entryFor(K key, V value, Supplier<V> loader, CacheEntry<V> replaced) {
        long now = clock.getAsLong();
        return new CacheEntry<>(value, current(key, value) ? now + ttlNanos : now, loader, replaced);
    }

    private boolean current(K key, V value) {
        return seen.applyAsLong(value) >= required.applyAsLong(key);
    }

    /**
     * Checks a value stored as fresh once more: a change heard while it was stored either found it stored (and
     * expired it) or is seen here, so a value older than a change is never kept as fresh.
     */
    private void settle(K key, CompletableFuture<CacheEntry<V>> stored) {
        CacheEntry<V> entry = stored.join();
        long now = clock.getAsLong();
        if (entry.freshAt(now) && !current(key, entry.value)) {
            entries.asMap().replace(key, stored, CompletableFuture.completedFuture(entry.expiredAt(now)));
        }
    }

    private static <V> CacheEntry<V> await(CompletableFuture<CacheEntry<V>> running) {
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

    /**
     * What the matching keys hold changed. Their entries read since they were stored are loaded again in the
     * background while requests get the old values; the others expire, kept as fallbacks, and the next request loads
     * them. The result completes when the reloads have ended: each with a current value stored, or, after a failure or
     * when none came within the retries, with its entry expired, as the others.
     */
    public CompletableFuture<Void> reloadIf(Predicate<K> affected) {
        long now = clock.getAsLong();
        List<CompletableFuture<Void>> reloaded = new ArrayList<>();
        entries.asMap().forEach((key, slot) -> {
            if (!slot.isDone() || slot.isCompletedExceptionally() || !affected.test(key)) {
                return;
            }
            CacheEntry<V> entry = slot.join();
            if (!entry.freshAt(now)) {
                // Expired already, or being loaded: that load is checked against this change when it is stored.
                return;
            }
            CacheEntry<V> stale = entry.expiredAt(now);
            boolean reload = entry.watched(now, watchedForNanos) && stale.claimReload();
            CompletableFuture<CacheEntry<V>> replacement = CompletableFuture.completedFuture(stale);
            if (entries.asMap().replace(key, slot, replacement) && reload) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                reloadLater(key, replacement, 0, done);
                reloaded.add(done);
            }
        });
        return CompletableFuture.allOf(reloaded.toArray(CompletableFuture[]::new));
    }

    /**
     * One attempt of a background reload of {@code stale}, whose reload it has claimed. A value that is not yet
     * current (query-service has not handled every change heard of) is asked for again a little later, and answered
     * meanwhile if it is newer than the one it replaces; the last attempt stores the newer of what it got and what it
     * answered.
     */
    private void reloadLater(K key, CompletableFuture<CacheEntry<V>> stale, int attempt, CompletableFuture<Void> done) {
        CacheEntry<V> entry = stale.join();
        long delay = attempt == 0 ? 0 : Math.min(100, 25L << Math.min(attempt - 1, 2));
        try {
            reloads.schedule(() -> {
                boolean again = false;
                try {
                    V value = entry.loader.get();
                    long got = seen.applyAsLong(value);
                    long had = seen.applyAsLong(entry.value);
                    if (current(key, value) || attempt == RETRIES) {
                        // Another instance of query-service may answer older than the one before did.
                        store(key, stale, entryFor(key, got >= had ? value : entry.value, entry.loader,
                                entry));
                    } else if (got <= had) {
                        again = true;
                        reloadLater(key, stale, attempt + 1, done);
                    } else {
                        CacheEntry<V> newer = new CacheEntry<>(value, entry.freshUntil, entry.loader, entry);
                        newer.claimReload();
                        CompletableFuture<CacheEntry<V>> next = CompletableFuture.completedFuture(newer);
                        // Not replaced: the entry was evicted or dropped meanwhile, and nobody waits for it.
                        again = entries.asMap().replace(key, stale, next);
                        if (again) {
                            reloadLater(key, next, attempt + 1, done);
                        }
                    }
                } catch (RuntimeException failure) {
                    standsInAfter(failure, key, stale);
                } finally {
                    if (!again) {
                        done.complete(null);
                    }
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            entry.releaseReload();
            done.complete(null);
        }
    }

    private void store(K key, CompletableFuture<CacheEntry<V>> replaced, CacheEntry<V> entry) {
        CompletableFuture<CacheEntry<V>> stored = CompletableFuture.completedFuture(entry);
        if (entries.asMap().replace(key, replaced, stored)) {
            settle(key, stored);
        }
    }

    int size() {
        entries.synchronous().cleanUp();
        return (int) entries.synchronous().estimatedSize();
    }
}
