package dev.evalboard.reliability;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds, or fails saying what was awaited and what was seen last. */
final class Await {

    /** A check that may throw (SQL, Kafka admin calls). */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    static void until(String what, Duration timeout, Condition condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                lastError = e; // the server may be away on purpose
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: "
                + lastSeen.get() + (lastError == null ? "" : "; last error: " + lastError));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
