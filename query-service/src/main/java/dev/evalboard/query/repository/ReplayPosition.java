package dev.evalboard.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Where this instance's database stands in the primary's WAL. On a primary every committed change is visible at
 * once; on a hot standby only once it has replayed the change's WAL position, which can lag behind (or be paused).
 */
@ApplicationScoped
public class ReplayPosition {
    private static final Logger LOG = Logger.getLogger(ReplayPosition.class);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final String REPLAYED = """
            SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn)""";

    private final Jdbc jdbc;

    public ReplayPosition(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns once this database shows everything committed up to {@code lsn}; waits as long as that takes. */
    public void awaitReplayed(String lsn) throws InterruptedException {
        long started = System.nanoTime();
        long nextLog = started + LOG_EVERY.toNanos();
        while (!replayed(lsn)) {
            if (System.nanoTime() > nextLog) {
                LOG.warnf("waiting %d s for this standby to replay %s", (System.nanoTime() - started) / 1_000_000_000L,
                        lsn);
                nextLog += LOG_EVERY.toNanos();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean replayed(String lsn) throws InterruptedException {
        try {
            return jdbc.first(REPLAYED, List.of(lsn), rs -> rs.getBoolean(1)).orElse(false);
        } catch (DataAccessException e) {
            // The database is away: the answers cached meanwhile are no staler than what it would say.
            Thread.sleep(Duration.ofSeconds(1).toMillis());
            return false;
        }
    }
}
