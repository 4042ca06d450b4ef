package dev.evalboard.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evalboard.contract.change.ResultChange;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Rendered responses of the leaderboard, table, Pareto and benchmark-list endpoints. Each change of the change feed
 * ({@link ChangeFeed}) is handled once this instance's database shows it: the answers about the benchmarks it names
 * that are watched (read since they were stored, or read within {@link CacheConfig#watchedFor()}, counting the reads
 * of the answers they replaced) are recomputed in place (requests meanwhile get the answer from before the change,
 * which is not yet handled), the others are dropped. A board that is being looked at therefore stays in the cache,
 * even when changes come faster than its reads (a dashboard polling every few seconds under continuous ingest, or
 * readers held up for a moment): otherwise each change would make the next request wait for one computation.
 *
 * <p>Correctness rests on two rules. (1) The cache is used only while the feed is live (this instance holds the
 * feed's partition): before that and whenever it is lost the cache is emptied and bypassed, because changes
 * published meanwhile would be missed. (2) A response is not stored if a change to what it depends on was handled
 * while it was computed: every invalidation takes the next number of an epoch counter and notes it against each
 * benchmark it names; a result is stored only if none of its benchmarks was invalidated after the epoch it started
 * in. The check and the store happen under the same lock as the invalidation, so a read of the old data can never be
 * stored after the invalidation that should have removed it.
 */
@ApplicationScoped
public class ResponseCache {
    private static final int BACKGROUND_THREADS = 4;
    private final CacheConfig config;
    private final Cache<CacheKey, StoredResponse> entries;
    private final long maxBytes;
    private final Object lock = new Object();
    private final ConcurrentHashMap<CacheKey, Flight> flights = new ConcurrentHashMap<>();
    private final Set<CacheKey> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService background;
    private final long refreshAfterNanos;
    private final long watchedForNanos;
    private final ChangeEpochs epochs = new ChangeEpochs();
    private volatile boolean live;
    private final CacheMetrics metrics;

    public ResponseCache(CacheConfig config, MeterRegistry registry) {
        this.config = config;
        this.maxBytes = (long) (Runtime.getRuntime().maxMemory() * config.maxHeapFraction());
        // Evicting on the writing thread keeps the bound exact at every moment, not once a pool gets to it.
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes).weigher(StoredResponse::weight)
                .executor(Runnable::run).expireAfterWrite(config.ttl()).build();
        this.refreshAfterNanos = config.ttl().toNanos() / 4 * 3;
        this.watchedForNanos = config.watchedFor().toNanos();
        // Several threads: on a busy machine a change's recomputations overlap their database round trips, and get
        // more than one thread's share of the CPU against the requests they keep from waiting.
        this.background = Executors.newFixedThreadPool(BACKGROUND_THREADS, task -> {
            Thread thread = new Thread(task, "query-cache-background");
            thread.setDaemon(true);
            return thread;
        });
        this.metrics = new CacheMetrics(registry, this);
    }

    /**
     * The cached response for {@code key}, or {@code compute}'s (stored if still valid). Concurrent misses on one
     * key share one computation, but only one that started after the last invalidation, so a request never gets
     * data older than a change whose notification was handled before it arrived. Exceptions pass to every caller.
     */
    public CachedResponse get(CacheKey key, Supplier<CachedResponse> compute) {
        if (!config.enabled() || !live) {
            metrics.bypasses.increment();
            return compute.get();
        }
        StoredResponse cached = entries.getIfPresent(key);
        if (cached != null) {
            metrics.hits.increment();
            long now = System.nanoTime();
            cached.markRead(now);
            if (now - cached.writtenNanos > refreshAfterNanos && refreshing.add(key)) {
                refreshInBackground(key, compute, cached);
            }
            return cached.response;
        }
        Flight leader;
        Flight mine = null;
        synchronized (lock) {
            leader = flights.get(key);
            if (leader == null || epochs.changedSince(key, leader.epoch)) {
                mine = new Flight(epochs.current(), compute, new CompletableFuture<>());
                flights.put(key, mine);
            }
        }
        if (mine == null) {
            metrics.coalesced.increment();
            return await(leader.result);
        }
        metrics.misses.increment();
        try {
            CachedResponse fresh = compute.get();
            storeIfCurrent(key, fresh, mine.epoch, compute, null);
            mine.result.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    private static CachedResponse await(CompletableFuture<CachedResponse> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    /**
     * Under steady traffic an entry is recomputed shortly before its TTL ends, while the old one (still within its
     * TTL) is served, so expiry does not stall every request on one key. The same epoch rule applies.
     */
    private void refreshInBackground(CacheKey key, Supplier<CachedResponse> compute, StoredResponse expiring) {
        try {
            background.execute(() -> {
                try {
                    long started;
                    synchronized (lock) {
                        started = epochs.current();
                    }
                    storeIfCurrent(key, compute.get(), started, compute, expiring);
                    metrics.refreshes.increment();
                } catch (RuntimeException e) {
                    // The entry expires at its TTL and the next request computes it in the foreground.
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RuntimeException rejected) {
            refreshing.remove(key);
        }
    }

    /** What the cached responses weigh now; never above {@link #maxBytes()}. */
    public long bytes() {
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** A computation in progress, and the epoch it started in. */
    private record Flight(long epoch, Supplier<CachedResponse> compute, CompletableFuture<CachedResponse> result) {
    }

    /** Stores {@code fresh} unless what it depends on changed after it started, or a newer answer is stored. */
    private void storeIfCurrent(CacheKey key, CachedResponse fresh, long startedEpoch,
            Supplier<CachedResponse> compute, StoredResponse replaced) {
        synchronized (lock) {
            if (live && !epochs.changedSince(key, startedEpoch)) {
                entries.asMap().merge(key, new StoredResponse(fresh, startedEpoch, compute, replaced),
                        (stored, offered) -> stored.epoch > offered.epoch ? stored : offered);
            }
        }
    }

    /**
     * Handles {@code change}. Of the answers it may alter, the watched ones are recomputed before
     * this returns (each is dropped if its recomputation fails), and so are those being computed for a request now
     * (their result, read before the change, will not be kept: without this, a board computed more slowly than
     * changes arrive would miss for good); the others are dropped, and the rest stay. Called by the one thread that
     * reads the change feed, so changes are handled one after the other.
     */
    public void invalidate(ResultChange change) {
        Map<CacheKey, Recompute> todo = new LinkedHashMap<>();
        long changeEpoch;
        long now = System.nanoTime();
        synchronized (lock) {
            changeEpoch = epochs.changed(change);
            entries.asMap().entrySet().removeIf(entry -> {
                if (!entry.getKey().affectedBy(change)) {
                    return false;
                }
                if (entry.getValue().watched(now, watchedForNanos)) {
                    todo.put(entry.getKey(), new Recompute(entry.getValue().compute, entry.getValue()));
                    return false;
                }
                return true;
            });
            flights.forEach((key, flight) -> {
                if (key.affectedBy(change)) {
                    todo.putIfAbsent(key, new Recompute(flight.compute(), null));
                }
            });
        }
        metrics.invalidations.increment();
        try {
            CompletableFuture.allOf(todo.entrySet().stream().map(entry -> CompletableFuture.runAsync(
                    () -> recompute(entry.getKey(), entry.getValue(), changeEpoch), background))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RejectedExecutionException stopping) {
            todo.forEach((key, recompute) -> entries.asMap().remove(key, recompute.stale()));
        }
    }

    /** What to compute again for a key, and the entry it replaces (null: none is stored). */
    private record Recompute(Supplier<CachedResponse> compute, StoredResponse stale) {
    }

    private void recompute(CacheKey key, Recompute recompute, long changeEpoch) {
        try {
            storeIfCurrent(key, recompute.compute().get(), changeEpoch, recompute.compute(), recompute.stale());
            metrics.recomputed.increment();
        } catch (RuntimeException e) {
            // The next request computes it in the foreground and meets the failure itself.
        } finally {
            // Never left standing: a newer answer replaced it, or it goes.
            if (recompute.stale() != null) {
                entries.asMap().remove(key, recompute.stale());
            }
        }
    }

    /** Drops everything: a change could not be read, so what it names is unknown. */
    public void invalidateAll() {
        synchronized (lock) {
            reset();
        }
        metrics.invalidations.increment();
    }

    /** The feed is live: start using the cache, from empty (changes may have been missed before). */
    public void feedLive() {
        synchronized (lock) {
            reset();
            live = true;
        }
    }

    /** The feed was lost: empty the cache and bypass it until {@link #feedLive()}. */
    public void feedLost() {
        synchronized (lock) {
            live = false;
            reset();
        }
    }

    private void reset() {
        epochs.reset();
        entries.invalidateAll();
    }

    public boolean isLive() {
        return live;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    long estimatedSize() {
        return entries.estimatedSize();
    }

    public double hitCount() {
        return metrics.hits.count();
    }

    public double missCount() {
        return metrics.misses.count();
    }

    public double coalescedCount() {
        return metrics.coalesced.count();
    }

    public double invalidationCount() {
        return metrics.invalidations.count();
    }

    public double recomputedCount() {
        return metrics.recomputed.count();
    }
}
