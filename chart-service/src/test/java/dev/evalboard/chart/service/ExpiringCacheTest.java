package dev.evalboard.chart.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private static final long TTL = 100;
    private static final long STALE_FOR = 1_000;
    private static final long WATCHED_FOR = 500;

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    /** Loads of 13 are not current: as an answer that reflects fewer changes than were heard of. */
    private static final int NOT_CURRENT = 13;
    private final ScheduledExecutorService reloads = Executors.newScheduledThreadPool(2);
    /**
     * The least value a key must have now: a value is the last change it reflects, and loads below it are not current
     * (as answers older than a change).
     */
    private final Map<String, Integer> required = new ConcurrentHashMap<>();
    private final ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofNanos(TTL),
            Duration.ofNanos(STALE_FOR), Duration.ofNanos(WATCHED_FOR), 3, failure -> failure instanceof Unavailable,
            value -> value == NOT_CURRENT ? -1 : value, key -> required.getOrDefault(key, 0), now::get, reloads);

    @AfterEach
    void stopReloads() {
        reloads.shutdownNow();
    }

    /** What the cache may hide behind an expired entry. */
    private static final class Unavailable extends RuntimeException {
    }

    private Integer load(String key) {
        return cache.get(key, loads::incrementAndGet);
    }

    /** What the cache answers for {@code key} without loading it: a load fails the test, saying {@code why not}. */
    private Integer cachedOnly(String key, String whyNot) {
        return cache.get(key, () -> {
            throw new AssertionError(whyNot);
        });
    }

    private Integer loadFailing(String key, RuntimeException failure) {
        return cache.get(key, () -> {
            loads.incrementAndGet();
            throw failure;
        });
    }

    @Test
    void servesFromCacheUntilTheEntryExpires() {
        assertEquals(1, load("a"));
        now.addAndGet(TTL - 1);
        assertEquals(1, load("a"));
        now.addAndGet(1);
        assertEquals(2, load("a"));
        assertEquals(2, loads.get());
    }

    @Test
    void anEntryReadWithinTheWatchedTimeIsLoadedAgainAtEachChangeThenOnlyExpires() throws Exception {
        assertEquals(1, load("a"));
        assertEquals(1, load("a"), "read: someone is looking at it");
        long lastRead = now.get();
        int expected = 1;
        while (now.get() - lastRead <= WATCHED_FOR) {
            cache.reloadIf(key -> true).get(5, TimeUnit.SECONDS);
            assertEquals(++expected, loads.get(), "read within the watched time: loaded again, though not read since");
            now.addAndGet(TTL / 2);
        }
        cache.reloadIf(key -> true).get(5, TimeUnit.SECONDS);
        assertEquals(expected, loads.get(), "nobody read it for longer than the watched time: only expired");
        assertEquals(expected + 1, load("a"), "the next request loads it");
    }

    @Test
    void anExpiredKeyIsLoadedAgainWhileItsOldValueStandsInForFailures() {
        assertEquals(1, load("a"));
        assertEquals(2, load("b"));
        cache.reloadIf(key -> key.equals("a"));
        assertEquals(3, load("a"), "expired: loaded again at once");
        assertEquals(2, load("b"), "another key stays");
        cache.reloadIf(key -> key.equals("a"));
        assertEquals(3, loadFailing("a", new Unavailable()), "the expired value stands in while the load fails");
    }

    @Test
    void aChangedEntryThatWasReadIsLoadedAgainInTheBackgroundWhileRequestsGetTheOldValue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Integer> reloadWaitsForRelease = () -> {
            if (loads.get() > 0) {
                awaitQuietly(release);
            }
            return loads.incrementAndGet();
        };
        assertEquals(1, cache.get("a", reloadWaitsForRelease));
        assertEquals(1, load("a"), "read once more: an entry someone is looking at");
        assertEquals(2, load("b"));
        CompletableFuture<Void> reloaded = cache.reloadIf(key -> true);
        assertEquals(1, cachedOnly("a", "a request must not load while the background reload runs"),
                "the old value meanwhile");
        release.countDown();
        reloaded.get(5, TimeUnit.SECONDS);
        assertEquals(3, loads.get(), "a loaded again, b (never read since it was loaded) not");
        assertEquals(3, cachedOnly("a", "the reloaded value is fresh"));
        assertEquals(4, load("b"), "b expired: the next request loads it");
    }

    @Test
    void aBackgroundReloadAsksAgainUntilTheValueIsCurrent() throws Exception {
        load("a");
        load("a");
        required.put("a", 4);
        cache.reloadIf(key -> true).get(5, TimeUnit.SECONDS);
        assertEquals(4, loads.get(), "loads 2 and 3 were older than the change");
        assertEquals(4, cachedOnly("a", "kept once current"));
    }

    @Test
    void aNewerValueIsAnsweredWhileTheBackgroundReloadWaitsForACurrentOne() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        assertEquals(1, cache.get("a", () -> {
            if (loads.get() == 2) {
                asking.countDown();
                awaitQuietly(hold);
            }
            return loads.incrementAndGet();
        }));
        load("a");
        required.put("a", 3);
        CompletableFuture<Void> reloaded = cache.reloadIf(key -> true);
        assertTrue(asking.await(5, TimeUnit.SECONDS), "asked again after 2, which is older than the change");
        assertEquals(2, cachedOnly("a", "no request loads while the background reload runs"),
                "2 is not current but newer than 1: answered meanwhile");
        hold.countDown();
        reloaded.get(5, TimeUnit.SECONDS);
        assertEquals(3, cachedOnly("a", "kept once current"));
    }

    @Test
    void aBackgroundReloadThatNeverGetsACurrentValueGivesUpAndLeavesTheEntryToTheNextRequest() throws Exception {
        load("a");
        load("a");
        required.put("a", Integer.MAX_VALUE);
        cache.reloadIf(key -> true).get(10, TimeUnit.SECONDS);
        int tried = loads.get();
        assertTrue(tried > 2 && tried < 50, "a bounded number of tries: " + tried);
        assertEquals(tried + 1, load("a"), "not kept as fresh: the next request loads");
    }

    @Test
    void aBackgroundReloadThatGivesUpKeepsTheNewestValueItGot() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Integer> laterAnswersAreOlder = () -> {
            int n = asked.incrementAndGet();
            return n <= 3 ? n : 2;
        };
        cache.get("a", laterAnswersAreOlder);
        cache.get("a", laterAnswersAreOlder);
        required.put("a", Integer.MAX_VALUE);
        cache.reloadIf(key -> true).get(10, TimeUnit.SECONDS);
        assertTrue(asked.get() > 4, "asked again after the older answers: " + asked.get());
        assertEquals(3, loadFailing("a", new Unavailable()),
                "the newest answer (3) stands in, not the older one the last try got (2)");
    }

    @Test
    void aValueLoadedBeforeAChangeIsNotKeptAsFresh() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> request = blockedLoad(release, () -> loads.incrementAndGet());
        required.put("a", 1_000);
        cache.reloadIf(key -> true).get(5, TimeUnit.SECONDS);
        release.countDown();
        assertEquals(1, request.get(5, TimeUnit.SECONDS), "drawn");
        assertEquals(2, load("a"), "but not kept: it predates the change heard while it loaded");
    }

    @Test
    void aValueThatIsNotCurrentIsAnsweredButLoadedAgainNextTime() {
        assertEquals(NOT_CURRENT, cache.get("a", () -> NOT_CURRENT));
        assertEquals(1, load("a"), "not kept as fresh");
        assertEquals(1, load("a"));
    }

    @Test
    void failuresAreNotCached() {
        assertThrows(Unavailable.class, () -> loadFailing("a", new Unavailable()));
        assertEquals(2, load("a"));
    }

    @Test
    void anExpiredEntryStandsInForATransientFailure() {
        assertEquals(1, load("a"));
        now.addAndGet(TTL + STALE_FOR - 1);
        assertEquals(1, loadFailing("a", new Unavailable()));
        assertEquals(2, loads.get(), "the reload was tried");
        assertEquals(3, load("a"), "the next request tries again");
    }

    @Test
    void tooOldAnEntryStandsInForNothing() {
        load("a");
        now.addAndGet(TTL + STALE_FOR);
        assertThrows(Unavailable.class, () -> loadFailing("a", new Unavailable()));
    }

    @Test
    void otherFailuresAreNeverHiddenAndDropTheExpiredEntry() {
        load("a");
        now.addAndGet(TTL);
        assertThrows(IllegalArgumentException.class, () -> loadFailing("a", new IllegalArgumentException("gone")));
        assertThrows(Unavailable.class, () -> loadFailing("a", new Unavailable()), "no fallback left");
    }

    @Test
    void concurrentRequestsShareOneLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = blockedLoad(release, () -> loads.incrementAndGet());
        CompletableFuture<Integer> second = waitingRequest();
        release.countDown();
        assertEquals(1, first.get(5, TimeUnit.SECONDS));
        assertEquals(1, second.get(5, TimeUnit.SECONDS));
        assertEquals(1, loads.get());
    }

    @Test
    void whileOneRequestReloadsOthersGetTheExpiredEntry() throws Exception {
        load("a");
        now.addAndGet(TTL);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> reload = blockedLoad(release, () -> loads.incrementAndGet());
        assertEquals(1, load("a"), "answered at once from the expired entry");
        release.countDown();
        assertEquals(2, reload.get(5, TimeUnit.SECONDS));
        assertEquals(2, load("a"));
        assertEquals(2, loads.get());
    }

    @Test
    void aFailedLoadFailsItsWaitersToo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = blockedLoad(release, () -> {
            throw new Unavailable();
        });
        CompletableFuture<Integer> second = waitingRequest();
        release.countDown();
        for (CompletableFuture<Integer> request : List.of(first, second)) {
            Throwable failure = assertThrows(ExecutionException.class, () -> request.get(5, TimeUnit.SECONDS)).getCause();
            assertTrue(failure instanceof Unavailable, String.valueOf(failure));
        }
    }

    @Test
    void staysWithinItsBound() {
        for (int i = 0; i < 10; i++) {
            load("k" + i);
            now.addAndGet(1);
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
    }

    @Test
    void aNewKeyInAFullCacheEvictsTheOldestEntry() {
        for (String key : List.of("a", "b", "c", "d")) {
            load(key);
            now.addAndGet(10);
        }
        assertEquals(4, loads.get());
        load("c");
        load("d");
        assertEquals(4, loads.get(), "the newer entries stayed");
        load("a");
        assertEquals(5, loads.get(), "the oldest entry made room");
    }

    @Test
    void reloadingAKeyInAFullCacheKeepsTheOthers() {
        for (String key : List.of("a", "b", "c")) {
            load(key);
        }
        now.addAndGet(TTL);
        load("a");
        assertEquals(4, loads.get());
        assertEquals(3, cache.size());
        assertEquals(2, loadFailing("b", new Unavailable()), "b's expired entry is still there to stand in");
    }

    /** A request for "a" whose load has started and goes on only when {@code release} opens. */
    private CompletableFuture<Integer> blockedLoad(CountDownLatch release, Supplier<Integer> then) throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CompletableFuture<Integer> request = new CompletableFuture<>();
        Thread thread = new Thread(() -> complete(request, () -> cache.get("a", () -> {
            loading.countDown();
            awaitQuietly(release);
            return then.get();
        })));
        thread.start();
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        return request;
    }

    /** A second request for "a", returned once it is parked waiting for the load in progress (it must not load). */
    private CompletableFuture<Integer> waitingRequest() throws Exception {
        CompletableFuture<Integer> request = new CompletableFuture<>();
        Thread thread = new Thread(() -> complete(request, () -> cachedOnly("a", "a second load of the same key")));
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, thread.getState());
        return request;
    }

    private static void complete(CompletableFuture<Integer> request, Supplier<Integer> work) {
        try {
            request.complete(work.get());
        } catch (Throwable t) {
            request.completeExceptionally(t);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
