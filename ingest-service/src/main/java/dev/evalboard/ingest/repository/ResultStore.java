package dev.evalboard.ingest.repository;

import dev.evalboard.contract.ModelInfo;
import dev.evalboard.contract.ResultEvent;
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

    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS incoming_result (
                event_id text COLLATE "C", model_name text, benchmark text, metric text,
                score double precision, stderr double precision, samples bigint, cost_usd double precision,
                evaluated_at timestamptz, source text,
                parameters bigint, active_parameters bigint, openness text, organization text,
                higher_is_better boolean, unit text,
                kafka_partition integer, kafka_offset bigint
            ) ON COMMIT DELETE ROWS""";

    // The events this batch added to the history, with their resolved ids and the attributes they state.
    private static final String CREATE_KEPT = """
            CREATE TEMP TABLE IF NOT EXISTS kept_result (
                event_id text COLLATE "C", model_id bigint, benchmark_id integer, score double precision,
                stderr double precision, samples bigint, cost_usd double precision, evaluated_at timestamptz,
                parameters bigint, active_parameters bigint, openness text, organization text,
                higher_is_better boolean, unit text
            ) ON COMMIT DELETE ROWS""";

    private static final String COPY_STAGING = """
            COPY incoming_result (event_id, model_name, benchmark, metric, score, stderr, samples, cost_usd,
                evaluated_at, source, parameters, active_parameters, openness, organization, higher_is_better,
                unit, kafka_partition, kafka_offset) FROM STDIN""";

    // Sorted so that two ingest instances lock new names in the same order.
    private static final String INSERT_MODELS = """
            INSERT INTO model (name) SELECT DISTINCT model_name FROM incoming_result ORDER BY 1
            ON CONFLICT (name) DO NOTHING""";

    private static final String INSERT_BENCHMARKS = """
            INSERT INTO benchmark (name, metric) SELECT DISTINCT benchmark, metric FROM incoming_result ORDER BY 1, 2
            ON CONFLICT (name, metric) DO NOTHING""";

    // The history keeps the first copy of each eventId. Only the copies it kept go on to the merges below, so a
    // republished eventId changes nothing.
    private static final String INSERT_HISTORY = """
            WITH kept AS (
                INSERT INTO result (event_id, model_id, benchmark_id, score, stderr, samples, cost_usd, evaluated_at,
                                    source, kafka_partition, kafka_offset)
                SELECT i.event_id, m.id, b.id, i.score, i.stderr, i.samples, i.cost_usd, i.evaluated_at, i.source,
                       i.kafka_partition, i.kafka_offset
                FROM incoming_result i
                JOIN model m ON m.name = i.model_name
                JOIN benchmark b ON b.name = i.benchmark AND b.metric = i.metric
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id, model_id, benchmark_id, score, stderr, samples, cost_usd, evaluated_at,
                          kafka_partition, kafka_offset)
            INSERT INTO kept_result
            SELECT k.event_id, k.model_id, k.benchmark_id, k.score, k.stderr, k.samples, k.cost_usd, k.evaluated_at,
                   i.parameters, i.active_parameters, i.openness, i.organization, i.higher_is_better, i.unit
            FROM kept k
            JOIN incoming_result i ON i.kafka_partition = k.kafka_partition AND i.kafka_offset = k.kafka_offset""";

    private static final String UPSERT_CURRENT = """
            INSERT INTO current_result AS c (benchmark_id, model_id, event_id, score, stderr, samples, cost_usd,
                                             evaluated_at)
            SELECT DISTINCT ON (benchmark_id, model_id) benchmark_id, model_id, event_id, score, stderr, samples,
                   cost_usd, evaluated_at
            FROM kept_result
            ORDER BY benchmark_id, model_id, evaluated_at DESC, event_id DESC
            ON CONFLICT (benchmark_id, model_id) DO UPDATE SET
                event_id = excluded.event_id, score = excluded.score, stderr = excluded.stderr,
                samples = excluded.samples, cost_usd = excluded.cost_usd, evaluated_at = excluded.evaluated_at
            WHERE (c.evaluated_at, c.event_id) < (excluded.evaluated_at, excluded.event_id)""";

    // Model attributes follow the model's most recent statement (benchmark attributes are settled: see
    // BenchmarkSettlement). A model whose attributes changed changes every board it is on, so those boards are
    // returned for the change feed.
    private static final String MERGE_MODELS = """
            WITH merged AS (%s)
            SELECT DISTINCT b.name, b.metric FROM current_result c JOIN benchmark b ON b.id = c.benchmark_id
            WHERE c.model_id IN (SELECT id FROM merged WHERE value_changed)""".formatted(new AttributeMerge("model",
            "model_id", List.of("parameters", "active_parameters", "openness", "organization")).sql());

    // After the commit, which waited for the WAL flush: a standby that replayed this far sees the batch.
    private static final String WAL_POSITION = "SELECT pg_current_wal_flush_lsn()::text";

    private final AgroalDataSource dataSource;
    private final StoreTimings timings;

    public ResultStore(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.timings = new StoreTimings(registry);
    }

    /** Stores the batch atomically: either all of it is merged, or (on an exception) none of it. */
    public StoreOutcome store(List<IncomingResult> batch) throws SQLException {
        if (batch.isEmpty()) {
            return StoreOutcome.NOTHING;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int accepted;
            List<RefusedEvent> refused;
            List<Benchmark> boardsOfChangedModels = new ArrayList<>();
            StoreTimings.Batch steps = timings.batch();
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
                statement.execute(CREATE_KEPT);
                copyIntoStaging(connection, batch);
                steps.done("stage");
                statement.executeUpdate(INSERT_MODELS);
                steps.done("models");
                statement.executeUpdate(INSERT_BENCHMARKS);
                refused = BenchmarkSettlement.apply(statement);
                steps.done("benchmarks");
                accepted = statement.executeUpdate(INSERT_HISTORY);
                steps.done("history");
                if (accepted > 0) {
                    statement.executeUpdate(UPSERT_CURRENT);
                    steps.done("current");
                    try (ResultSet rs = statement.executeQuery(MERGE_MODELS)) {
                        while (rs.next()) {
                            boardsOfChangedModels.add(new Benchmark(rs.getString(1), rs.getString(2)));
                        }
                    }
                    steps.done("merge");
                }
                connection.commit();
                steps.done("commit");
                LOG.debugf("stored a batch of %d events: %s", batch.size(), steps.summary());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            connection.setAutoCommit(true);
            return new StoreOutcome(accepted, batch.size() - refused.size() - accepted, refused,
                    walPosition(connection), boardsOfChangedModels);
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
            rows.value(e.eventId()).value(m.name()).value(e.benchmark()).value(e.metric())
                    .value(e.score()).value(e.stderr()).value(e.samples()).value(e.costUsd())
                    .value(e.evaluatedAt()).value(e.source())
                    .value(m.parameters()).value(m.activeParameters())
                    .value(m.openness() == null ? null : m.openness().wireName()).value(m.organization())
                    .value(e.higherIsBetter()).value(e.unit() == null ? null : e.unit().wireName())
                    .value(incoming.partition()).value(incoming.offset())
                    .endRow();
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING, new StringReader(rows.text()));
        } catch (IOException e) {
            throw new SQLException("copying the batch into the staging table failed", "08000", e);
        }
    }
}
