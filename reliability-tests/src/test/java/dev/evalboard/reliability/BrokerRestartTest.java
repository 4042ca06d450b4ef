package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.ServiceProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario 2: the Kafka broker stopped and started again mid-stream; ingest resumes without help. */
class BrokerRestartTest {
    private static final String PREFIX = "broker";
    private static final int EVENTS = 100_000;
    private static final Duration BROKER_AWAY = Duration.ofSeconds(10);

    @Test
    void ingestResumesByItselfAfterTheBrokerComesBack() throws Exception {
        List<SentEvent> events = ResultStream.generate(PREFIX, EVENTS, Seeds.seed("broker restart"));
        try (FaultLab lab = FaultLab.start("broker-restart", 3)) {
            ServiceProcess ingest = lab.startIngest("ingest");
            int storedAtStop;
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(),
                    IngestOutcome.messages(events), 4_000)) {
                Await.until("a third of the stream stored", Duration.ofMinutes(2),
                        () -> lab.storedCount(PREFIX) >= EVENTS / 3, () -> "fewer");
                lab.kafka().close();
                storedAtStop = lab.storedCount(PREFIX);
                Await.sleep(BROKER_AWAY);
                lab.kafka().restart();
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, events, Duration.ofMinutes(5));
            assertTrue(ingest.isAlive(), "the same ingest process carried on");
            int deadLetters = IngestOutcome.assertNoDeadLetters(lab);
            ReliabilityReport.record("2. broker stopped for " + BROKER_AWAY.toSeconds() + " s", String.format(
                    "%,d events, broker stopped when %,d were stored, lost %d, duplicated %d, DLQ %d, no restart "
                    + "of ingest", EVENTS, storedAtStop, check.lost(), check.duplicated(), deadLetters));
        }
    }
}
