package dev.evalboard.reliability;

import dev.evalboard.devstack.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scenario 1: ingest-service killed with SIGKILL at random moments, five times, during a 200,000-event stream. */
class IngestKillTest {
    private static final String PREFIX = "kill";
    private static final int EVENTS = 200_000;
    private static final int KILLS = 5;
    // Slow enough that the kills usually find ingest storing, catching up with what was published while it was away.
    private static final int EVENTS_PER_SECOND = 2_000;
    // Published only after each kill, this many per kill: however long the instances before it took to start and to
    // catch up, each restarted instance has records to take.
    private static final int AFTER_EACH_KILL = 4_000;

    @Test
    void killedFiveTimesMidStreamItLosesNothingAndStoresNothingTwice() throws Exception {
        long seed = Seeds.seed("ingest kill -9");
        Random random = new Random(seed);
        List<SentEvent> events = ResultStream.generate(PREFIX, EVENTS, seed);
        List<Integer> storedAtKill = new ArrayList<>();
        List<String> storingAgainAfter = new ArrayList<>();
        try (FaultLab lab = FaultLab.start("ingest-kill", 3)) {
            ServiceProcess ingest = lab.startIngest("ingest-1");
            try (StreamPublisher publisher = StreamPublisher.startHoldingBack(lab.bootstrapServers(),
                    IngestOutcome.messages(events), EVENTS_PER_SECOND, KILLS * AFTER_EACH_KILL)) {
                lab.awaitStoringMore(PREFIX);
                for (int kill = 1; kill <= KILLS; kill++) {
                    Await.sleep(Duration.ofMillis(500 + random.nextInt(3_000)));
                    storedAtKill.add(lab.storedCount(PREFIX));
                    ingest.kill();
                    long killed = System.nanoTime();
                    ingest = lab.startIngest("ingest-" + (kill + 1));
                    publisher.release(AFTER_EACH_KILL);
                    lab.awaitStoringMore(PREFIX);
                    storingAgainAfter.add(String.format("%.1f s", (System.nanoTime() - killed) / 1e9));
                }
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, events, Duration.ofMinutes(5));
            int deadLetters = IngestOutcome.assertNoDeadLetters(lab);
            ReliabilityReport.record("1. ingest killed (kill -9) 5 times", String.format(
                    "%,d events, %d kills (stored when killed: %s; storing again after %s), lost %d, duplicated %d, "
                    + "DLQ %d, checksum %s", EVENTS, KILLS, storedAtKill, storingAgainAfter, check.lost(),
                    check.duplicated(), deadLetters, check.storedChecksum()));
        }
    }
}
