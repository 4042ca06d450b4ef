package dev.evalboard.chart.service;

import java.time.Duration;

/** The chart cannot be drawn now, but may be shortly: a 503 with {@code Retry-After}. */
public class ChartBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ChartBusyException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
