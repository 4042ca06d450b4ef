package dev.evalboard.ingest.repository;

import dev.evalboard.contract.ModelInfo;
import dev.evalboard.contract.ResultEvent;
import dev.evalboard.contract.RunSettings;
import dev.evalboard.contract.change.ResultChange.Benchmark;
import dev.evalboard.ingest.service.IncomingResult;
import dev.evalboard.ingest.service.RefusedEvent;
import dev.evalboard.ingest.service.StoreOutcome;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Writes a batch of valid events in one transaction with set-based SQL: the batch is copied into a temporary table,
 * then merged into the models, benchmarks, history and current results by a fixed number of statements, however
 * large the batch.
 */
@ApplicationScoped
public class ResultStore {
    private static final Logger LOG = Logger.getLogger(ResultStore.class);
    // A lost race (see store) is retried at once; were it lost again and again, the batch is held like any outage.
    private static final int ATTEMPTS = 3;

    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS incoming_result (
                event_id text COLLATE "C", model_name text, benchmark text, metric text,
                score double precision, stderr double precision, samples bigint, cost_usd double precision,
                evaluated_at timestamptz, source text,
                parameters bigint, active_parameters bigint, openness text, organization text,
                higher_is_better boolean, unit text,
                kafka_partition integer, kafka_offset bigint, baseline double precision,
                benchmark_version text, few_shot integer, samples_total bigint, harness text, harness_version text,
                commit text, partial boolean
            ) ON COMMIT DELETE ROWS""";

    private static final String COPY_STAGING = """
            COPY incoming_result (event_id, model_name, benchmark, metric, score, stderr, samples, cost_usd,
                evaluated_at, source, parameters, active_parameters, openness, organization, higher_is_better,
                unit, kafka_partition, kafka_offset, baseline, benchmark_version, few_shot, samples_total, harness,
                harness_version, commit, partial) FROM STDIN""";

    // Sorted so that two ingest instances lock new names in the same order. A benchmark is its name, metric and
    // version ('' for none, as V5 keeps it).
    private static final String INSERT_BENCHMARKS = """
            INSERT INTO benchmark (name, metric, version)
            SELECT DISTINCT benchmark, metric, benchmark_version FROM incoming_result ORDER BY 1, 2, 3
            ON CONFLICT (name, metric, version) DO NOTHING""";

    // The history keeps the first copy of each eventId: the copies it has already, and the repeats within the batch
    // (all but the first read), leave the batch here, so that nothing below sees a republished eventId. OFFSET 0
    // keeps the lookup a probe of result's primary key per event: hashing the whole history costs more as it grows.
    private static final String DROP_STORED_AND_REPEATED = """
            DELETE FROM incoming_result i
            WHERE EXISTS (SELECT 1 FROM result r WHERE r.event_id = i.event_id OFFSET 0)
               OR i.ctid IN (SELECT ctid FROM (SELECT ctid, row_number() OVER (PARTITION BY event_id
                                                   ORDER BY kafka_partition, kafka_offset) AS copy
                                               FROM incoming_result) s
                             WHERE s.copy > 1)""";

    private static final AttributeMerge MODELS = new AttributeMerge("model", List.of("name"), List.of("model_name"),
            List.of("parameters", "active_parameters", "openness", "organization"));

    // A benchmark's baseline follows its most recent statement, as model attributes do (how a board is judged is
    // settled instead). The batch has events of every benchmark it changes, so the change feed names them already.
    private static final String MERGE_BENCHMARKS = new AttributeMerge("benchmark",
            List.of("name", "metric", "version"), List.of("benchmark", "metric", "benchmark_version"),
            List.of("baseline")).mergeSql();

    // True when every model of the batch was new: then there is nothing to merge.
    private static final String INSERT_NEW_MODELS = """
            WITH added AS (%s RETURNING 1)
            SELECT (SELECT count(*) FROM added) = (SELECT count(DISTINCT model_name) FROM incoming_result)"""
            .formatted(MODELS.insertNewSql());

    // Model attributes follow the model's most recent statement (how a benchmark is judged is settled: see
    // BenchmarkSettlement). A model whose attributes changed changes every board it is on, so those boards are
    // returned for the change feed (the boards of this batch's own events are announced anyway).
    private static final String MERGE_MODELS = """
            WITH merged AS (%s)
            SELECT DISTINCT b.name, b.metric, b.version FROM current_result c JOIN benchmark b ON b.id = c.benchmark_id
            WHERE c.model_id IN (SELECT id FROM merged WHERE value_changed)""".formatted(MODELS.mergeSql());

    // One statement: the history rows it inserted feed the current-result upsert directly (latest evaluatedAt,
    // ties by the larger eventId; a run retracted before it arrived goes into the history only), and current_result
    // changes once per batch, as V2's counting triggers need.
    // Whether a run is partial was decided once, by event-contract (ResultEvent.partial), and staged with the run.
    // ON CONFLICT only meets an eventId that another ingest instance stored since DROP_STORED_AND_REPEATED: the
    // count of kept events then falls short, and store() tries the batch again.
    private static final String INSERT_HISTORY_AND_CURRENT = """
            WITH kept AS (
                INSERT INTO result (event_id, model_id, benchmark_id, score, stderr, samples, cost_usd, evaluated_at,
                                    source, kafka_partition, kafka_offset, parameters, active_parameters, openness,
                                    organization, baseline, few_shot, samples_total, harness, harness_version, commit,
                                    partial)
                SELECT i.event_id, m.id, b.id, i.score, i.stderr, i.samples, i.cost_usd, i.evaluated_at, i.source,
                       i.kafka_partition, i.kafka_offset, i.parameters, i.active_parameters, i.openness,
                       i.organization, i.baseline, i.few_shot, i.samples_total, i.harness, i.harness_version,
                       i.commit, i.partial
                FROM incoming_result i
                JOIN model m ON m.name = i.model_name
                JOIN benchmark b ON b.name = i.benchmark AND b.metric = i.metric AND b.version = i.benchmark_version
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id, model_id, benchmark_id, score, stderr, samples, cost_usd, evaluated_at, partial),
            current AS (
                INSERT INTO current_result AS c (benchmark_id, model_id, event_id, score, stderr, samples, cost_usd,
                                                 evaluated_at, partial)
                SELECT DISTINCT ON (benchmark_id, model_id) benchmark_id, model_id, event_id, score, stderr, samples,
                       cost_usd, evaluated_at, partial
                FROM kept
                WHERE NOT EXISTS (SELECT 1 FROM retraction x WHERE x.event_id = kept.event_id)
                ORDER BY benchmark_id, model_id, evaluated_at DESC, event_id DESC
                ON CONFLICT (benchmark_id, model_id) DO UPDATE SET
                    event_id = excluded.event_id, score = excluded.score, stderr = excluded.stderr,
                    samples = excluded.samples, cost_usd = excluded.cost_usd, evaluated_at = excluded.evaluated_at,
                    partial = excluded.partial
                WHERE (c.evaluated_at, c.event_id) < (excluded.evaluated_at, excluded.event_id))
            SELECT count(*) FROM kept""";

    // Shared with every other batch, exclusive to a retraction (see ModerationStore.RETRACTION_LOCK).
    private static final String AWAIT_RETRACTIONS = "SELECT pg_advisory_xact_lock_shared("
            + ModerationStore.RETRACTION_LOCK + ")";

    // After the commit, which waited for the WAL flush: a standby that replayed this far sees the batch.
    private static final String WAL_POSITION = "SELECT pg_current_wal_flush_lsn()::text";

    private final AgroalDataSource dataSource;
    private final StoreTimings timings;

    public ResultStore(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.timings = new StoreTimings(registry);
    }

    /**
     * Stores the batch atomically: either all of it is merged, or (on an exception) none of it. The models take the
     * attributes of the batch's new events before the history is written; should another ingest instance have
     * stored one of those eventIds in between (the same eventId published under another key), the transaction is
     * rolled back and the batch stored again, now without it.
     */
    public StoreOutcome store(List<IncomingResult> batch) throws SQLException {
        if (batch.isEmpty()) {
            return StoreOutcome.NOTHING;
        }
        for (int attempt = 1; ; attempt++) {
            StoreOutcome outcome = storeOnce(batch);
            if (outcome != null) {
                return outcome;
            }
            if (attempt == ATTEMPTS) {
                throw new SQLException("another writer kept storing the batch's eventIds first; " + ATTEMPTS
                        + " attempts", "40001");
            }
            LOG.debugf("another writer stored some of the batch's eventIds meanwhile; storing the batch again");
        }
    }

    /** The batch's outcome, or null when the history kept fewer events than the models were merged from. */
    private StoreOutcome storeOnce(List<IncomingResult> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int accepted = 0;
            List<RefusedEvent> refused;
            List<Benchmark> boardsOfChangedModels = new ArrayList<>();
            StoreTimings.Batch steps = timings.batch();
            try (Statement statement = connection.createStatement()) {
                statement.execute(AWAIT_RETRACTIONS);
                statement.execute(CREATE_STAGING);
                copyIntoStaging(connection, batch);
                steps.done("stage");
                statement.executeUpdate(INSERT_BENCHMARKS);
                refused = statesHowJudged(batch) ? BenchmarkSettlement.apply(statement) : List.of();
                steps.done("benchmarks");
                int fresh = batch.size() - refused.size() - statement.executeUpdate(DROP_STORED_AND_REPEATED);
                steps.done("dedupe");
                if (fresh > 0) {
                    if (!firstBoolean(statement, INSERT_NEW_MODELS)) {
                        try (ResultSet rs = statement.executeQuery(MERGE_MODELS)) {
                            while (rs.next()) {
                                boardsOfChangedModels.add(new Benchmark(rs.getString(1), rs.getString(2),
                                        StoredVersion.fromColumn(rs.getString(3))));
                            }
                        }
                    }
                    if (batch.stream().anyMatch(incoming -> incoming.event().benchmarkBaseline() != null)) {
                        statement.execute(MERGE_BENCHMARKS);
                    }
                    steps.done("models");
                    try (ResultSet rs = statement.executeQuery(INSERT_HISTORY_AND_CURRENT)) {
                        rs.next();
                        accepted = rs.getInt(1);
                    }
                    steps.done("history");
                    if (accepted < fresh) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                        return null;
                    }
                }
                connection.commit();
                steps.done("commit");
                LOG.debugf("stored a batch of %d events (%d new): %s", batch.size(), accepted, steps.summary());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            connection.setAutoCommit(true);
            return new StoreOutcome(accepted, batch.size() - refused.size() - accepted, refused,
                    walPosition(connection), boardsOfChangedModels);
        }
    }

    /** Whether an event of the batch states higherIsBetter or unit: only such an event settles or contradicts. */
    private static boolean statesHowJudged(List<IncomingResult> batch) {
        return batch.stream().map(IncomingResult::event).anyMatch(e -> e.higherIsBetter() != null || e.unit() != null);
    }

    private static boolean firstBoolean(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String walPosition(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(WAL_POSITION)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void copyIntoStaging(Connection connection, List<IncomingResult> batch) throws SQLException {
        CopyRows rows = new CopyRows();
        for (IncomingResult incoming : batch) {
            ResultEvent e = incoming.event();
            ModelInfo m = e.model();
            RunSettings s = e.settings();
            rows.value(e.eventId()).value(m.name()).value(e.benchmark()).value(e.metric())
                    .value(e.score()).value(e.stderr()).value(e.samples()).value(e.costUsd())
                    .value(e.evaluatedAt()).value(e.source())
                    .value(m.parameters()).value(m.activeParameters())
                    .value(m.openness() == null ? null : m.openness().wireName()).value(m.organization())
                    .value(e.higherIsBetter()).value(e.unit() == null ? null : e.unit().wireName())
                    .value(incoming.partition()).value(incoming.offset()).value(e.benchmarkBaseline())
                    .value(StoredVersion.toColumn(e.benchmarkVersion())).value(s.fewShot()).value(s.samplesTotal())
                    .value(s.harness()).value(s.harnessVersion()).value(s.commit()).value(e.partial())
                    .endRow();
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING, new StringReader(rows.text()));
        } catch (IOException e) {
            throw new SQLException("copying the batch into the staging table failed", "08000", e);
        }
    }
}
