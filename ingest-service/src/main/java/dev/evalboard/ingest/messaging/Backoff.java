package dev.evalboard.ingest.messaging;

import java.time.Duration;

/** Exponential back-off between retries: min, 2 min, 4 min... up to max. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration current;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.current = min;
    }

    Duration next() {
        return current;
    }

    void sleep() {
        try {
            Thread.sleep(current.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
    }

    void reset() {
        current = min;
    }
}
