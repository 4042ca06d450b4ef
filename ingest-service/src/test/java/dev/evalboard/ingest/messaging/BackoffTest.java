package dev.evalboard.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits between retries while the database or the broker is away. */
class BackoffTest {

    @Test
    void eachWaitDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(6));
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(backoff.next());
            backoff.sleep();
        }
        assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(6),
                Duration.ofMillis(6)), waits);
    }

    @Test
    void aSuccessStartsAgainFromTheMinimum() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(100));
        backoff.sleep();
        backoff.sleep();
        backoff.reset();
        assertEquals(Duration.ofMillis(1), backoff.next());
    }

    @Test
    void anInterruptedWaitEndsAtOnceAndKeepsTheInterruptForTheLoopToStop() {
        Backoff backoff = new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10));
        Thread.currentThread().interrupt();
        long started = System.nanoTime();
        backoff.sleep();
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "did not wait 10 minutes");
    }
}
