package dev.evalboard.devstack.bench;

import dev.evalboard.devstack.ConsumerLag;
import dev.evalboard.devstack.bench.SteadyIngestLoad.LiveEvents;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * How far ingest-service is behind the results published to it: the log ends of its partitions minus what its group
 * committed. A phase that overloads the database (pgbench, the uncached reads) leaves ingest a backlog, which the
 * next phase would otherwise measure as slow freshness; so each measurement starts once the backlog is gone.
 */
final class IngestBacklog {
    private static final String GROUP = "evalboard-ingest";
    // Ingest commits offsets about once a second, so a caught-up group is still that far behind on paper.
    private static final long CAUGHT_UP_WITHIN_SECONDS = 3;

    private IngestBacklog() {
    }

    /** Waits (up to {@code timeout}) until ingest is within a few seconds of the stream; says how long it waited. */
    static String awaitCaughtUp(String bootstrapServers, int eventsPerSecond, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long backlog;
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            while ((backlog = ConsumerLag.of(admin, GROUP, LiveEvents.TOPIC))
                    > CAUGHT_UP_WITHIN_SECONDS * eventsPerSecond && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }
        return String.format("ingest backlog %,d events after waiting %.1f s", backlog,
                (System.nanoTime() - started) / 1e9);
    }
}
