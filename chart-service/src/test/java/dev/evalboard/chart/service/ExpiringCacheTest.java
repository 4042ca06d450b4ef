package dev.evalboard.chart.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringCache<String, Integer> cache = new ExpiringCache<>(Duration.ofNanos(100), 3, now::get);

    private Integer load(String key) {
        return cache.get(key, loads::incrementAndGet);
    }

    @Test
    void servesFromCacheUntilTheEntryExpires() {
        assertEquals(1, load("a"));
        now.addAndGet(99);
        assertEquals(1, load("a"));
        now.addAndGet(1);
        assertEquals(2, load("a"));
        assertEquals(2, loads.get());
    }

    @Test
    void failuresAreNotCached() {
        assertThrows(IllegalStateException.class, () -> cache.get("a", () -> {
            throw new IllegalStateException("down");
        }));
        assertEquals(1, load("a"));
    }

    @Test
    void staysWithinItsBound() {
        for (int i = 0; i < 10; i++) {
            load("k" + i);
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
    }
}
