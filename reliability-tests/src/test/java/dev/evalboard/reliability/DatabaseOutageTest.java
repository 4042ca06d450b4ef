package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: PostgreSQL stopped for 30 s mid-stream. Ingest holds its batch (no dead letters), readiness is down
 * while the database is away, and everything lands once it is back.
 */
class DatabaseOutageTest {
    private static final String PREFIX = "outage";
    private static final int EVENTS = 100_000;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void ingestPausesWhileTheDatabaseIsAwayAndCatchesUpAfter() throws Exception {
        List<SentEvent> events = ResultStream.generate(PREFIX, EVENTS, Seeds.seed("database outage"));
        try (FaultLab lab = FaultLab.start("database-outage", 3)) {
            ServiceProcess ingest = lab.startIngest("ingest");
            int storedAtStop;
            long readyDownAfterMillis;
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(),
                    IngestOutcome.messages(events), 2_000)) {
                Await.until("a fifth of the stream stored", Duration.ofMinutes(2),
                        () -> lab.storedCount(PREFIX) >= EVENTS / 5, () -> "fewer");
                storedAtStop = lab.storedCount(PREFIX);
                lab.postgres().close();
                long stoppedAt = System.nanoTime();
                Await.until("readiness down", Duration.ofSeconds(20), () -> readiness(ingest) == 503,
                        () -> "still up");
                readyDownAfterMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
                while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                    assertEquals(503, readiness(ingest), "readiness while the database is away");
                    Await.sleep(Duration.ofMillis(500));
                }
                assertTrue(ingest.isAlive(), "ingest survived the outage");
                lab.postgres().restart();
                Await.until("readiness up again", Duration.ofMinutes(1), () -> readiness(ingest) == 200,
                        () -> "still down");
                publisher.awaitAllAcknowledged(Duration.ofMinutes(5));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, events, Duration.ofMinutes(5));
            int deadLetters = IngestOutcome.assertNoDeadLetters(lab);
            ReliabilityReport.record("3. PostgreSQL stopped for " + OUTAGE.toSeconds() + " s", String.format(
                    "%,d events, database stopped when %,d were stored, readiness down after %.1f s and up again "
                    + "after the restart, lost %d, duplicated %d, DLQ %d", EVENTS, storedAtStop,
                    readyDownAfterMillis / 1000.0, check.lost(), check.duplicated(), deadLetters));
        }
    }

    private int readiness(ServiceProcess service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
