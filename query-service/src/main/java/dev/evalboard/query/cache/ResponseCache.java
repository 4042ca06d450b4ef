package dev.evalboard.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.evalboard.contract.change.ResultChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Rendered responses of the leaderboard, table, Pareto and benchmark-list endpoints. Each change of the change feed
 * ({@link ChangeFeed}) drops the answers about the benchmarks it names, once this instance's database shows it.
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
    private final CacheConfig config;
    private final Cache<CacheKey, Stored> entries;
    private final long maxBytes;
    private final Object lock = new Object();
    private final ConcurrentHashMap<CacheKey, Flight> flights = new ConcurrentHashMap<>();
    private final Set<CacheKey> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher;
    private final long refreshAfterNanos;
    private long epoch;
    /** The epoch of the last invalidation of everything (the feed became live, was lost, or could not be read). */
    private long resetEpoch;
    /** The epoch of the last invalidation of any kind: answers that depend on every change compare with it. */
    private long anyChangeEpoch;
    /** The epoch at which each benchmark was last invalidated; one entry per benchmark ever changed. */
    private final Map<ResultChange.Benchmark, Long> changedAt = new HashMap<>();
    private volatile boolean live;

    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;
    private final Counter coalesced;
    private final Counter invalidations;
    private final Counter refreshes;

    public ResponseCache(CacheConfig config, MeterRegistry registry) {
        this.config = config;
        this.maxBytes = (long) (Runtime.getRuntime().maxMemory() * config.maxHeapFraction());
        // Evicting on the writing thread keeps the bound exact at every moment, not once a pool gets to it.
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes).weigher(ResponseCache::weight)
                .executor(Runnable::run).expireAfterWrite(config.ttl()).build();
        String requests = "evalboard.query.cache.requests";
        this.hits = Counter.builder(requests).tag("result", "hit").description("Responses served from the cache")
                .register(registry);
        this.misses = Counter.builder(requests).tag("result", "miss")
                .description("Responses computed and offered to the cache").register(registry);
        this.bypasses = Counter.builder(requests).tag("result", "bypass")
                .description("Responses computed without the cache (disabled, or the change feed not live)")
                .register(registry);
        this.coalesced = Counter.builder(requests).tag("result", "coalesced")
                .description("Misses that waited for the same response being computed for another request")
                .register(registry);
        this.refreshAfterNanos = config.ttl().toNanos() / 4 * 3;
        this.refresher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "query-cache-refresh");
            thread.setDaemon(true);
            return thread;
        });
        this.refreshes = Counter.builder("evalboard.query.cache.refreshes")
                .description("Entries recomputed in the background shortly before their TTL ended").register(registry);
        this.invalidations = Counter.builder("evalboard.query.cache.invalidations")
                .description("Changes handled: answers about the changed benchmarks dropped").register(registry);
        Gauge.builder("evalboard.query.cache.size", entries, Cache::estimatedSize)
                .description("Responses in the cache").register(registry);
        Gauge.builder("evalboard.query.cache.bytes", this, ResponseCache::bytes)
                .description("Estimated bytes held by the cached responses").register(registry);
        Gauge.builder("evalboard.query.cache.live", this, cache -> cache.live ? 1 : 0)
                .description("1 while this instance reads the change feed").register(registry);
    }

    /**
     * The cached response for {@code key}, or {@code compute}'s (stored if still valid). Concurrent misses on one
     * key share one computation, but only one that started after the last invalidation, so a request never gets
     * data older than a change whose notification was handled before it arrived. Exceptions pass to every caller.
     */
    public CachedResponse get(CacheKey key, Supplier<CachedResponse> compute) {
        if (!config.enabled() || !live) {
            bypasses.increment();
            return compute.get();
        }
        Stored cached = entries.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            if (System.nanoTime() - cached.writtenNanos > refreshAfterNanos && refreshing.add(key)) {
                refreshInBackground(key, compute);
            }
            return cached.response;
        }
        Flight leader;
        Flight mine = null;
        synchronized (lock) {
            leader = flights.get(key);
            if (leader == null || invalidatedSince(key, leader.epoch)) {
                mine = new Flight(epoch, new CompletableFuture<>());
                flights.put(key, mine);
            }
        }
        if (mine == null) {
            coalesced.increment();
            return await(leader.result);
        }
        misses.increment();
        try {
            CachedResponse fresh = compute.get();
            storeIfCurrent(key, fresh, mine.epoch);
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
    private void refreshInBackground(CacheKey key, Supplier<CachedResponse> compute) {
        try {
            refresher.execute(() -> {
                try {
                    long started;
                    synchronized (lock) {
                        started = epoch;
                    }
                    storeIfCurrent(key, compute.get(), started);
                    refreshes.increment();
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

    /** The body plus what its key and record cost (the key's text twice: Java strings hold UTF-16). */
    private static int weight(CacheKey key, Stored stored) {
        long bytes = 256L + 2L * key.toString().length() + stored.response.body().length
                + 2L * stored.response.etag().length();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** What the cached responses weigh now; never above {@link #maxBytes()}. */
    public long bytes() {
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** A response and when it was stored. */
    private record Stored(CachedResponse response, long writtenNanos) {
    }

    /** A computation in progress, and the epoch it started in. */
    private record Flight(long epoch, CompletableFuture<CachedResponse> result) {
    }

    private void storeIfCurrent(CacheKey key, CachedResponse fresh, long startedEpoch) {
        synchronized (lock) {
            if (live && !invalidatedSince(key, startedEpoch)) {
                entries.put(key, new Stored(fresh, System.nanoTime()));
            }
        }
    }

    /** Whether something {@code key} depends on was invalidated after {@code startedEpoch}. Called under the lock. */
    private boolean invalidatedSince(CacheKey key, long startedEpoch) {
        if (resetEpoch > startedEpoch) {
            return true;
        }
        if (key.boards() == null) {
            return anyChangeEpoch > startedEpoch;
        }
        for (ResultChange.Benchmark board : key.boards()) {
            if (changedAt.getOrDefault(board, 0L) > startedEpoch) {
                return true;
            }
        }
        return false;
    }

    /** Drops the answers that {@code change} may alter; the others stay. */
    public void invalidate(ResultChange change) {
        synchronized (lock) {
            epoch++;
            anyChangeEpoch = epoch;
            change.benchmarks().forEach(board -> changedAt.put(board.board(), epoch));
            entries.asMap().keySet().removeIf(key -> key.affectedBy(change));
        }
        invalidations.increment();
    }

    /** Drops everything: a change could not be read, so what it names is unknown. */
    public void invalidateAll() {
        synchronized (lock) {
            reset();
        }
        invalidations.increment();
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
        epoch++;
        resetEpoch = epoch;
        anyChangeEpoch = epoch;
        entries.invalidateAll();
    }

    public boolean isLive() {
        return live;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    public double hitCount() {
        return hits.count();
    }

    public double missCount() {
        return misses.count();
    }

    public double coalescedCount() {
        return coalesced.count();
    }

    public double invalidationCount() {
        return invalidations.count();
    }
}
