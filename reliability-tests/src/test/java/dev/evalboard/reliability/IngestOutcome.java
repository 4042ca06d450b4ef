package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The end of an ingest scenario: wait until the stream is consumed, then check the store exactly. */
final class IngestOutcome {

    private IngestOutcome() {
    }

    /** Waits until every sent event is stored and the group's lag is zero, then asserts the tables are exact. */
    static StoreCheck assertExactlyStored(FaultLab lab, String prefix, List<SentEvent> events, Duration timeout)
            throws Exception {
        AtomicReference<String> seen = new AtomicReference<>("nothing yet");
        KafkaProbe probe = new KafkaProbe(lab);
        Await.until(events.size() + " events stored and no lag", timeout, () -> {
            try (Connection db = lab.database()) {
                int stored = StoreCheck.storedCount(db, prefix);
                long lag = probe.lag();
                seen.set(stored + " stored, lag " + lag);
                return stored >= events.size() && lag == 0;
            }
        }, seen::get);
        try (Connection db = lab.database()) {
            StoreCheck check = StoreCheck.of(db, prefix, events);
            assertTrue(check.exact(), check.toString());
            return check;
        }
    }

    /** Valid events never go to the dead-letter topic, whatever happened to the servers. */
    static int assertNoDeadLetters(FaultLab lab) {
        int letters = new KafkaProbe(lab).deadLetters().size();
        assertEquals(0, letters, "dead letters of a stream of valid events");
        return letters;
    }

    static List<StreamPublisher.Message> messages(List<SentEvent> events) {
        return events.stream().map(StreamPublisher.Message::of).toList();
    }
}
