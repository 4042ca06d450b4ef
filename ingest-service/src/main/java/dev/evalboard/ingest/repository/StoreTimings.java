package dev.evalboard.ingest.repository;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a batch's transaction spends its time, step by step: the timer
 * {@code evalboard_ingest_store_step_seconds{step=...}} at /q/metrics, and one DEBUG line per batch (category
 * {@code dev.evalboard.ingest.repository.ResultStore}). {@code bench/ingest.sh} prints the averages per batch.
 */
final class StoreTimings {
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    StoreTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A clock for one batch: each {@link Batch#done} records the time since the previous step ended. */
    Batch batch() {
        return new Batch();
    }

    private Timer timer(String step) {
        return timers.computeIfAbsent(step, s -> Timer.builder("evalboard.ingest.store.step").tag("step", s)
                .description("one step of a batch's database transaction").register(registry));
    }

    final class Batch {
        private long mark = System.nanoTime();
        private final StringBuilder summary = new StringBuilder();

        void done(String step) {
            long now = System.nanoTime();
            long nanos = now - mark;
            mark = now;
            timer(step).record(nanos, TimeUnit.NANOSECONDS);
            summary.append(summary.isEmpty() ? "" : ", ").append(step).append(' ')
                    .append(TimeUnit.NANOSECONDS.toMicros(nanos) / 1000.0).append(" ms");
        }

        String summary() {
            return summary.toString();
        }
    }
}
