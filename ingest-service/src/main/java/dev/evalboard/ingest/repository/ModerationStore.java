package dev.evalboard.ingest.repository;

import dev.evalboard.contract.ModerationRecord;
import dev.evalboard.contract.change.ResultChange.Benchmark;
import dev.evalboard.ingest.service.ModerationOutcome;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies one moderation record in one transaction: logged first, keyed by its Kafka position, so that a record
 * delivered again changes nothing; then the flag set or lifted, or the run retracted and its (model, benchmark) pair
 * recomputed from the history.
 */
@ApplicationScoped
public class ModerationStore {
    /**
     * Held exclusively by a retraction and shared by every result batch ({@link ResultStore}): a batch then either
     * sees the retraction committed, or commits its runs before the retraction recomputes their pair, never neither.
     */
    static final long RETRACTION_LOCK = 0x65766d6f64L;

    private static final String LOG = """
            INSERT INTO moderation_log (action, model_name, event_id, reason, url, kafka_partition, kafka_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kafka_partition, kafka_offset) DO NOTHING""";

    private static final String FLAG = """
            INSERT INTO model_flag (model_name, reason, url, flagged_at) VALUES (?, ?, ?, now())
            ON CONFLICT (model_name) DO UPDATE SET reason = excluded.reason, url = excluded.url,
                flagged_at = excluded.flagged_at""";

    private static final String UNFLAG = "DELETE FROM model_flag WHERE model_name = ?";

    // A second retraction of a run keeps the first reason.
    private static final String RETRACT = """
            INSERT INTO retraction (event_id, reason, retracted_at) VALUES (?, ?, now())
            ON CONFLICT (event_id) DO NOTHING""";

    private static final String BOARDS_OF_MODEL = """
            SELECT b.name, b.metric FROM current_result c JOIN benchmark b ON b.id = c.benchmark_id
            JOIN model m ON m.id = c.model_id WHERE m.name = ?""";

    private static final String BOARD_OF_RUN = """
            SELECT m.name, b.name, b.metric FROM result r JOIN model m ON m.id = r.model_id
            JOIN benchmark b ON b.id = r.benchmark_id WHERE r.event_id = ?""";

    // The run's pair becomes its latest run not retracted (evaluatedAt, ties by the larger eventId), or leaves the
    // board when none is left. One statement, so V2's counting triggers see the pair change once.
    private static final String RECOMPUTE_PAIR = """
            WITH pair AS (SELECT model_id, benchmark_id FROM result WHERE event_id = ?),
            best AS (
                SELECT r.benchmark_id, r.model_id, r.event_id, r.score, r.stderr, r.samples, r.cost_usd,
                       r.evaluated_at, r.partial
                FROM result r JOIN pair p ON p.model_id = r.model_id AND p.benchmark_id = r.benchmark_id
                WHERE NOT EXISTS (SELECT 1 FROM retraction x WHERE x.event_id = r.event_id)
                ORDER BY r.evaluated_at DESC, r.event_id DESC LIMIT 1),
            removed AS (
                DELETE FROM current_result c USING pair p
                WHERE c.model_id = p.model_id AND c.benchmark_id = p.benchmark_id AND NOT EXISTS (SELECT 1 FROM best))
            INSERT INTO current_result AS c (benchmark_id, model_id, event_id, score, stderr, samples, cost_usd,
                                             evaluated_at, partial)
            SELECT * FROM best
            ON CONFLICT (benchmark_id, model_id) DO UPDATE SET
                event_id = excluded.event_id, score = excluded.score, stderr = excluded.stderr,
                samples = excluded.samples, cost_usd = excluded.cost_usd, evaluated_at = excluded.evaluated_at,
                partial = excluded.partial
            WHERE c.event_id IS DISTINCT FROM excluded.event_id""";

    // V2's triggers only ever raise a board's latest evaluatedAt; a retraction may lower it.
    private static final String RECOUNT_LAST_UPDATE = """
            UPDATE current_result_count t SET last_update = (SELECT max(evaluated_at) FROM current_result c
                                                             WHERE c.benchmark_id = t.benchmark_id)
            WHERE t.benchmark_id = (SELECT benchmark_id FROM result WHERE event_id = ?)""";

    private static final String WAL_POSITION = "SELECT pg_current_wal_flush_lsn()::text";

    private final AgroalDataSource dataSource;

    public ModerationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the record read at (partition, offset), unless it was applied already, and says which models and
     * boards it concerns (also when it was applied before: its announcement may never have gone out).
     */
    public ModerationOutcome apply(ModerationRecord record, int partition, long offset) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (record instanceof ModerationRecord.Retract) {
                    execute(connection, "SELECT pg_advisory_xact_lock(?)", RETRACTION_LOCK);
                }
                boolean fresh = log(connection, record, partition, offset) == 1;
                ModerationOutcome outcome = fresh ? applyFresh(connection, record) : concerned(connection, record);
                connection.commit();
                connection.setAutoCommit(true);
                return outcome.at(walPosition(connection));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static int log(Connection connection, ModerationRecord record, int partition, long offset)
            throws SQLException {
        if (record instanceof ModerationRecord.Flag flag) {
            return execute(connection, LOG, flag.action(), flag.model(), null, flag.reason(), flag.url(), partition,
                    offset);
        } else if (record instanceof ModerationRecord.Unflag unflag) {
            return execute(connection, LOG, unflag.action(), unflag.model(), null, null, null, partition, offset);
        }
        ModerationRecord.Retract retract = (ModerationRecord.Retract) record;
        return execute(connection, LOG, retract.action(), null, retract.eventId(), retract.reason(), null, partition,
                offset);
    }

    private static ModerationOutcome applyFresh(Connection connection, ModerationRecord record) throws SQLException {
        if (record instanceof ModerationRecord.Flag flag) {
            execute(connection, FLAG, flag.model(), flag.reason(), flag.url());
        } else if (record instanceof ModerationRecord.Unflag unflag) {
            execute(connection, UNFLAG, unflag.model());
        } else if (record instanceof ModerationRecord.Retract retract) {
            execute(connection, RETRACT, retract.eventId(), retract.reason());
            execute(connection, RECOMPUTE_PAIR, retract.eventId());
            execute(connection, RECOUNT_LAST_UPDATE, retract.eventId());
        }
        return concerned(connection, record);
    }

    /** The models and boards the record concerns, for the change feed. */
    private static ModerationOutcome concerned(Connection connection, ModerationRecord record) throws SQLException {
        if (record instanceof ModerationRecord.Flag flag) {
            return boardsOfModel(connection, flag.model());
        } else if (record instanceof ModerationRecord.Unflag unflag) {
            return boardsOfModel(connection, unflag.model());
        }
        return boardOfRun(connection, ((ModerationRecord.Retract) record).eventId());
    }

    private static ModerationOutcome boardsOfModel(Connection connection, String model) throws SQLException {
        List<Benchmark> boards = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(BOARDS_OF_MODEL)) {
            statement.setString(1, model);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    boards.add(new Benchmark(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new ModerationOutcome(boards, List.of(model), null);
    }

    private static ModerationOutcome boardOfRun(Connection connection, String eventId) throws SQLException {
        Set<Benchmark> boards = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(BOARD_OF_RUN)) {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    models.add(rs.getString(1));
                    boards.add(new Benchmark(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return new ModerationOutcome(List.copyOf(boards), List.copyOf(models), null);
    }

    private static int execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            if (statement.execute()) {
                return -1;
            }
            return statement.getUpdateCount();
        }
    }

    private static String walPosition(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(WAL_POSITION);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
