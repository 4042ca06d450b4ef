package dev.evalboard.query.cache;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.contract.change.ResultChange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The cache's rules without a database: generations, bypass, shared misses, recomputation on a change, refresh before the TTL. */
class ResponseCacheUnitTest {
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "cache-test");
        thread.setDaemon(true);
        return thread;
    });
    private static final ResultChange.Benchmark B = new ResultChange.Benchmark("b", "pass@1");
    private static final ResultChange.Benchmark OTHER = new ResultChange.Benchmark("other", "pass@1");
    private static final CacheKey KEY = CacheKey.of("leaderboard", false, Set.of(B), "b", "pass@1", null, 50, 0L);
    private static final CacheKey OTHER_KEY = CacheKey.of("leaderboard", false, Set.of(OTHER), "other", "pass@1",
            null, 50, 0L);
    private static final CacheKey LIST = CacheKey.of("benchmarks", false, null);

    private static ResponseCache cache(Duration ttl) {
        return cache(ttl, 0.1, Duration.ofSeconds(10));
    }

    private static ResponseCache cache(Duration ttl, double maxHeapFraction) {
        return cache(ttl, maxHeapFraction, Duration.ofSeconds(10));
    }

    private static ResponseCache cache(Duration ttl, double maxHeapFraction, Duration watchedFor) {
        ResponseCache cache = new ResponseCache(new CacheConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public double maxHeapFraction() {
                return maxHeapFraction;
            }

            @Override
            public Duration ttl() {
                return ttl;
            }

            @Override
            public Duration watchedFor() {
                return watchedFor;
            }
        }, new SimpleMeterRegistry());
        cache.feedLive();
        return cache;
    }

    private static CachedResponse response(String body) {
        return new CachedResponse(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE, body);
    }

    /** Holds a computation: it says when it started, and goes on once released. */
    private static final class Gate {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void pass() {
            started.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitStarted() throws InterruptedException {
            assertTrue(started.await(10, TimeUnit.SECONDS), "the computation started");
        }

        void release() {
            released.countDown();
        }
    }

    /** Returns "v1", "v2", ... and counts its calls. */
    private static final class Source implements Supplier<CachedResponse> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public CachedResponse get() {
            return response("v" + calls.incrementAndGet());
        }
    }

    @Test
    void theCacheIsBoundedByTheBytesOfItsResponsesNotByTheirNumber() {
        long fourMegabytes = 4L << 20;
        ResponseCache cache = cache(Duration.ofMinutes(10), (double) fourMegabytes / Runtime.getRuntime().maxMemory());
        AtomicInteger computed = new AtomicInteger();
        Supplier<CachedResponse> oneMegabyte = () -> {
            computed.incrementAndGet();
            return new CachedResponse(new byte[1 << 20], MediaType.APPLICATION_JSON_TYPE, "\"big\"");
        };
        for (int page = 0; page < 20; page++) {
            cache.get(CacheKey.of("leaderboard", false, Set.of(B), "b", page), oneMegabyte);
            assertTrue(cache.bytes() <= cache.maxBytes(), cache.bytes() + " bytes held after page " + page);
        }
        assertTrue(cache.maxBytes() >= fourMegabytes - 1 && cache.bytes() >= 2L << 20, "a few pages are kept");
        for (int page = 0; page < 20; page++) {
            cache.get(CacheKey.of("leaderboard", false, Set.of(B), "b", page), oneMegabyte);
        }
        // At most three pages fit in 4 MB, so at most three of the second round can be hits.
        assertTrue(computed.get() >= 20 + 17, computed.get() + " computations");
    }

    @Test
    void aSecondRequestIsAHitAndAnInvalidationForcesARecompute() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Source source = new Source();
        assertEquals("v1", cache.get(KEY, source).etag());
        assertEquals("v1", cache.get(KEY, source).etag());
        assertEquals(1, source.calls.get());
        assertEquals(1.0, cache.hitCount());
        // Another representation is another entry.
        assertEquals("v2", cache.get(CacheKey.of("leaderboard", true, Set.of(B), "b", "pass@1", null, 50, 0L), source)
                .etag());

        cache.invalidateAll();
        assertEquals(0, cache.size());
        assertEquals("v3", cache.get(KEY, source).etag());
    }

    @Test
    void aChangeDropsOnlyTheAnswersAboutItsBenchmarksAndTheListOfAll() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Source source = new Source();
        assertEquals("v1", cache.get(KEY, source).etag());
        assertEquals("v2", cache.get(OTHER_KEY, source).etag());
        assertEquals("v3", cache.get(LIST, source).etag());

        cache.invalidate(change(OTHER));
        assertEquals("v1", cache.get(KEY, source).etag(), "a board of another benchmark stays");
        assertEquals("v4", cache.get(OTHER_KEY, source).etag());
        assertEquals("v5", cache.get(LIST, source).etag(), "the list of all benchmarks depends on every change");
        assertEquals(1, cache.invalidationCount());
    }

    @Test
    void aReadOfAnotherBenchmarkAcrossAChangeIsStillStored() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Source source = new Source();
        cache.get(KEY, () -> {
            CachedResponse read = source.get();
            cache.invalidate(change(OTHER)); // not what this read depends on
            return read;
        });
        assertEquals("v1", cache.get(KEY, source).etag());
        AtomicBoolean changed = new AtomicBoolean();
        CachedResponse across = cache.get(OTHER_KEY, () -> {
            CachedResponse read = source.get();
            if (changed.compareAndSet(false, true)) {
                cache.invalidate(change(OTHER)); // what this read depends on changed meanwhile
            }
            return read;
        });
        assertEquals("v2", across.etag());
        assertEquals("v3", cache.get(OTHER_KEY, source).etag(),
                "the read across its own change was not kept: the change computed it again");
        assertEquals(3, source.calls.get());
    }

    private static ResultChange change(ResultChange.Benchmark... boards) {
        return ResultChange.of("0/16B3748", List.of(boards), List.of("m"));
    }

    @Test
    void aResultComputedAcrossAnInvalidationIsReturnedButNotStored() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Source source = new Source();
        CachedResponse first = cache.get(KEY, () -> {
            CachedResponse read = source.get();
            cache.invalidateAll(); // the data changed while this read was in progress
            return read;
        });
        assertEquals("v1", first.etag());
        assertEquals("v2", cache.get(KEY, source).etag());
        assertEquals("v2", cache.get(KEY, source).etag());
    }

    @Test
    void withoutALiveFeedEveryRequestIsComputedAndNothingIsKept() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Source source = new Source();
        cache.get(KEY, source);
        cache.feedLost();
        assertEquals(0, cache.size());
        assertEquals("v2", cache.get(KEY, source).etag());
        assertEquals("v3", cache.get(KEY, source).etag());
        cache.feedLive();
        assertEquals("v4", cache.get(KEY, source).etag());
        assertEquals("v4", cache.get(KEY, source).etag());
    }

    @Test
    void concurrentMissesShareOneComputationThatStartedAfterTheLastInvalidation() throws Exception {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Gate gate = new Gate();
        AtomicInteger calls = new AtomicInteger();
        Supplier<CachedResponse> slow = () -> {
            calls.incrementAndGet();
            gate.pass();
            return response("slow");
        };
        CompletableFuture<CachedResponse> leader = CompletableFuture.supplyAsync(() -> cache.get(KEY, slow), THREADS);
        gate.awaitStarted();
        CompletableFuture<CachedResponse> follower = CompletableFuture.supplyAsync(() -> cache.get(KEY, slow), THREADS);
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.coalescedCount() >= 1);
        gate.release();
        assertSame(leader.get(10, TimeUnit.SECONDS), follower.get(10, TimeUnit.SECONDS));
        assertEquals(1, calls.get());

        // After an invalidation a new request does not join a read that began before it.
        Gate again = new Gate();
        Source source = new Source();
        cache.invalidateAll();
        CompletableFuture<CachedResponse> old = CompletableFuture.supplyAsync(() -> cache.get(KEY, () -> {
            again.pass();
            return response("old");
        }), THREADS);
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.missCount() >= 2);
        cache.invalidateAll();
        assertEquals("v1", cache.get(KEY, source).etag());
        again.release();
        assertEquals("old", old.get(10, TimeUnit.SECONDS).etag());
        assertEquals("v1", cache.get(KEY, source).etag());
    }

    @Test
    void anEntryNearItsTtlIsServedWhileItIsRecomputedInTheBackground() {
        ResponseCache cache = cache(Duration.ofSeconds(4));
        Source source = new Source();
        assertEquals("v1", cache.get(KEY, source).etag());
        await().pollDelay(Duration.ofMillis(3200)).atMost(Duration.ofSeconds(4)).until(() -> true);
        // Past 3/4 of the TTL: this request still gets v1 at once and starts the refresh.
        assertEquals("v1", cache.get(KEY, source).etag());
        await().atMost(Duration.ofSeconds(5)).until(() -> source.calls.get() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> "v2".equals(cache.get(KEY, () -> response("x")).etag()));
        assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), cache.get(KEY, source).body());
    }

    @Test
    void anAnswerInUseIsRecomputedWhenItsBenchmarkChangesWhileRequestsMeanwhileGetTheOneBefore() throws Exception {
        Gate recomputing = new Gate();
        // The supplier of the stored answer is what the change recomputes; then it blocks until released.
        ResponseCache blocking = cache(Duration.ofMinutes(10));
        blocking.get(KEY, () -> {
            if (blocking.invalidationCount() == 1) {
                recomputing.pass();
                return response("after");
            }
            return response("before");
        });
        assertEquals("before", blocking.get(KEY, () -> response("not asked")).etag(), "read since it was stored");
        CompletableFuture<Void> handled = CompletableFuture.runAsync(() -> blocking.invalidate(change(B)), THREADS);
        recomputing.awaitStarted();
        assertEquals("before", blocking.get(KEY, () -> response("a miss")).etag(),
                "while the change is being handled, a request gets the answer from before it at once");
        recomputing.release();
        handled.get(10, TimeUnit.SECONDS);
        assertEquals("after", blocking.get(KEY, () -> response("a miss")).etag(),
                "once the change is handled, the recomputed answer is there: no request waits for it");
        assertEquals(1.0, blocking.missCount(), "only the first request missed");
        assertEquals(1.0, blocking.recomputedCount());
    }

    @Test
    void anAnswerNobodyReadSinceItWasStoredIsDroppedNotRecomputed() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Source source = new Source();
        assertEquals("v1", cache.get(KEY, source).etag());
        cache.invalidate(change(B));
        assertEquals(1, source.calls.get(), "not recomputed");
        assertEquals("v2", cache.get(KEY, source).etag());
        assertEquals(0.0, cache.recomputedCount());
    }

    @Test
    void anAnswerWhoseRecomputationFailsIsDropped() {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        AtomicInteger calls = new AtomicInteger();
        Supplier<CachedResponse> failsSecondTime = () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database away");
            }
            return response("v" + calls.get());
        };
        cache.get(KEY, failsSecondTime);
        cache.get(KEY, failsSecondTime);
        cache.invalidate(change(B));
        assertEquals(2, calls.get());
        assertEquals("v3", cache.get(KEY, failsSecondTime).etag(), "the answer from before the change is gone");
    }

    @Test
    void aBoardPolledLessOftenThanItChangesIsRecomputedAtEveryChangeAndEveryPollHits() {
        ResponseCache cache = cache(Duration.ofMinutes(10), 0.1, Duration.ofMinutes(10));
        Source source = new Source();
        cache.get(KEY, source);
        cache.get(KEY, source);
        for (int poll = 2; poll <= 4; poll++) {
            cache.invalidate(change(B, OTHER));
            cache.invalidate(change(B));
            assertEquals("v" + (2 * poll - 1), cache.get(KEY, source).etag(), "recomputed at each change, unread");
        }
        assertEquals(1.0, cache.missCount(), "only the first request missed");
    }

    @Test
    void anAnswerNobodyReadForTheWatchedTimeIsDroppedAtTheNextChange() throws InterruptedException {
        ResponseCache cache = cache(Duration.ofMinutes(10), 0.1, Duration.ofMillis(200));
        Source source = new Source();
        cache.get(KEY, source);
        cache.get(KEY, source);
        cache.invalidate(change(B, OTHER));
        assertEquals(2, source.calls.get(), "read since it was stored: recomputed");
        Thread.sleep(300);
        cache.invalidate(change(B));
        assertEquals(2, source.calls.get(), "nobody read v2 or v1 for longer than 200 ms: dropped");
        assertEquals("v3", cache.get(KEY, source).etag());
    }

    @Test
    void anAnswerBeingComputedWhenItsBenchmarkChangesIsRecomputedSoRequestsDoNotMissForGood() throws Exception {
        ResponseCache cache = cache(Duration.ofMinutes(10));
        Gate gate = new Gate();
        AtomicInteger calls = new AtomicInteger();
        Supplier<CachedResponse> slowFirst = () -> {
            if (calls.incrementAndGet() == 1) {
                gate.pass();
                return response("read before the change");
            }
            return response("read after the change");
        };
        CompletableFuture<CachedResponse> slow = CompletableFuture.supplyAsync(() -> cache.get(KEY, slowFirst),
                THREADS);
        gate.awaitStarted();
        cache.invalidate(change(B));
        assertEquals(2, calls.get(), "the change computed the board again");
        assertEquals("read after the change", cache.get(KEY, () -> response("a miss")).etag());
        gate.release();
        assertEquals("read before the change", slow.get(10, TimeUnit.SECONDS).etag(), "its own request gets it");
        assertEquals("read after the change", cache.get(KEY, () -> response("a miss")).etag(), "but it is not kept");
    }
}
