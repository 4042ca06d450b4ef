package dev.evalboard.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Models, their current results and their history. */
@ApplicationScoped
public class ModelRepository {

    /** A model with the number of benchmark+metric pairs it has a current result on. */
    public record ModelWithCount(ModelRow model, long resultCount) {
    }

    /** One stored run; {@code current} when it is the model's current result for its benchmark+metric. */
    public record Run(String eventId, String benchmark, String metric, boolean higherIsBetter, String unit,
            double score, Double stderr, Long samples, Double costUsd, Instant evaluatedAt, String source,
            boolean current) {
    }

    static final String MODEL_COLUMNS = "m.id, m.name, m.parameters, m.active_parameters, m.openness, m.organization";

    private static final String RUN_COLUMNS = """
            SELECT r.event_id, b.name AS benchmark, b.metric, coalesce(b.higher_is_better, true) AS higher_is_better,
                   coalesce(b.unit, 'percent') AS unit, r.score, r.stderr, r.samples, r.cost_usd, r.evaluated_at,
                   r.source, (c.event_id IS NOT NULL) AS current
            FROM result r JOIN benchmark b ON b.id = r.benchmark_id
            LEFT JOIN current_result c
                   ON c.model_id = r.model_id AND c.benchmark_id = r.benchmark_id AND c.event_id = r.event_id
            """;

    private final Jdbc jdbc;

    public ModelRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ModelRow> find(String name) {
        return jdbc.first("SELECT " + MODEL_COLUMNS + " FROM model m WHERE m.name = ?", List.of(name),
                ModelRepository::model);
    }

    public long count(ModelFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM model m WHERE true");
        List<Object> params = new ArrayList<>();
        filter.appendTo(sql, params);
        return jdbc.count(sql.toString(), params);
    }

    public List<ModelWithCount> page(ModelFilter filter, int limit, long offset) {
        StringBuilder sql = new StringBuilder("SELECT " + MODEL_COLUMNS
                + ", (SELECT count(*) FROM current_result c WHERE c.model_id = m.id) AS result_count"
                + " FROM model m WHERE true");
        List<Object> params = new ArrayList<>();
        filter.appendTo(sql, params);
        sql.append(" ORDER BY m.name COLLATE \"C\" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.list(sql.toString(), params, rs -> new ModelWithCount(model(rs), rs.getLong("result_count")));
    }

    /** The model's current result on every benchmark and metric. */
    public List<Run> currentResults(long modelId) {
        return jdbc.list(RUN_COLUMNS + " WHERE r.model_id = ? AND c.event_id IS NOT NULL"
                + " ORDER BY b.name COLLATE \"C\", b.metric COLLATE \"C\"",
                List.of(modelId), ModelRepository::run);
    }

    /** Accepted runs, newest first; {@code benchmark} and {@code metric} narrow it when not null. */
    public List<Run> history(long modelId, String benchmark, String metric, int limit, long offset) {
        StringBuilder sql = new StringBuilder(RUN_COLUMNS).append(" WHERE r.model_id = ?");
        List<Object> params = new ArrayList<>(List.of(modelId));
        if (benchmark != null) {
            sql.append(" AND b.name = ?");
            params.add(benchmark);
        }
        if (metric != null) {
            sql.append(" AND b.metric = ?");
            params.add(metric);
        }
        sql.append(" ORDER BY r.evaluated_at DESC, r.event_id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.list(sql.toString(), params, ModelRepository::run);
    }

    static ModelRow model(ResultSet rs) throws SQLException {
        return new ModelRow(rs.getLong("id"), rs.getString("name"), Jdbc.nullableLong(rs, "parameters"),
                Jdbc.nullableLong(rs, "active_parameters"), rs.getString("openness"), rs.getString("organization"));
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString("event_id"), rs.getString("benchmark"), rs.getString("metric"),
                rs.getBoolean("higher_is_better"), rs.getString("unit"), rs.getDouble("score"),
                Jdbc.nullableDouble(rs, "stderr"), Jdbc.nullableLong(rs, "samples"),
                Jdbc.nullableDouble(rs, "cost_usd"), Jdbc.instant(rs, "evaluated_at"), rs.getString("source"),
                rs.getBoolean("current"));
    }
}
