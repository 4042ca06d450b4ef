package dev.evalboard.chart.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small map whose entries live for a fixed time, so a page showing the same chart many times
 * asks query-service once. Only successful loads are kept. When full it first drops expired
 * entries, then everything: crude, but bounded and enough for a handful of popular charts.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;

    public ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.clock = nanoClock;
    }

    public V get(K key, Supplier<V> loader) {
        long now = clock.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.value();
        }
        V value = loader.get();
        if (ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.values().removeIf(e -> now - e.expiresAt() >= 0);
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
        return value;
    }

    int size() {
        return entries.size();
    }
}
