package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: PostgreSQL killed with SIGKILL (the postmaster and every backend, no checkpoint, no WAL flush) three
 * times at random moments during a 200,000-event stream, and restarted each time. Ingest commits a batch's offsets
 * only after its database commit returned, so a commit that was lost in the crash must not have been acknowledged.
 */
class DatabaseCrashTest {
    private static final String PREFIX = "crash";
    private static final int EVENTS = 200_000;
    private static final int CRASHES = 3;
    private static final int EVENTS_PER_SECOND = 2_000;
    // Published only after each restart, this many per restart: however long the restarts took, ingest has records
    // to store after each.
    private static final int AFTER_EACH_RESTART = 5_000;

    @Test
    void killedThreeTimesMidStreamTheDatabaseLosesNoAcknowledgedBatch() throws Exception {
        long seed = Seeds.seed("database kill -9");
        Random random = new Random(seed);
        List<SentEvent> events = ResultStream.generate(PREFIX, EVENTS, seed);
        List<Integer> storedAtCrash = new ArrayList<>();
        try (FaultLab lab = FaultLab.start("database-crash", 3)) {
            assertEquals(EmbeddedPostgres.DURABILITY.get("synchronous_commit"),
                    lab.postgres().settings(List.of("synchronous_commit")).get("synchronous_commit"),
                    "the server under the test runs with production's durability settings");
            ServiceProcess ingest = lab.startIngest("ingest");
            try (StreamPublisher publisher = StreamPublisher.startHoldingBack(lab.bootstrapServers(),
                    IngestOutcome.messages(events), EVENTS_PER_SECOND, CRASHES * AFTER_EACH_RESTART)) {
                for (int crash = 1; crash <= CRASHES; crash++) {
                    lab.awaitStoringMore(PREFIX);
                    Await.sleep(Duration.ofMillis(500 + random.nextInt(3_000)));
                    storedAtCrash.add(lab.storedCount(PREFIX));
                    lab.postgres().crash();
                    Await.sleep(Duration.ofMillis(1_000 + random.nextInt(4_000)));
                    lab.postgres().restart();
                    publisher.release(AFTER_EACH_RESTART);
                }
                assertTrue(ingest.isAlive(), "ingest survived the crashes");
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, events, Duration.ofMinutes(5));
            int deadLetters = IngestOutcome.assertNoDeadLetters(lab);
            ReliabilityReport.record("8. PostgreSQL killed (kill -9) 3 times", String.format(
                    "%,d events, %d crashes of the postmaster and every backend (stored when killed: %s), "
                    + "synchronous_commit=on, lost %d, duplicated %d, DLQ %d", EVENTS, CRASHES, storedAtCrash,
                    check.lost(), check.duplicated(), deadLetters));
        }
    }
}
