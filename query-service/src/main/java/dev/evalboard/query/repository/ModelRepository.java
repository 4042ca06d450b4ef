package dev.evalboard.query.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evalboard.contract.RunSettings;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Models, their current results and their history, through Hibernate ORM (read-only entities, validated against
 * the migrated schema at start-up). Names sort byte-wise as everywhere in the API: {@code ucs_basic} is
 * PostgreSQL's code-point order, which is the byte order of UTF-8 ({@code "C"}).
 */
@ApplicationScoped
@ActivateRequestContext
public class ModelRepository implements PanacheRepositoryBase<ModelEntity, Long> {

    /** A model with the number of benchmark+metric pairs it has a current result on. */
    public record ModelWithCount(ModelRow model, long resultCount) {
    }

    /**
     * One stored run; {@code current} when it is the model's current result for its benchmark+metric+version;
     * {@code version} null for a benchmark without one; {@code settings} null when the event stated none;
     * {@code partial} when it scored fewer samples than the benchmark has; {@code retracted} only on a retracted run
     * (which is never current).
     */
    public record Run(String eventId, String benchmark, String metric, String version, boolean higherIsBetter,
            String unit, double score, Double stderr, Long samples, Double costUsd, Instant evaluatedAt, String source,
            boolean current, RunSettings settings, boolean partial,
            @JsonInclude(JsonInclude.Include.NON_NULL) Retraction retracted) {

        public Run withRetraction(Retraction retraction) {
            return new Run(eventId, benchmark, metric, version, higherIsBetter, unit, score, stderr, samples, costUsd,
                    evaluatedAt, source, current, settings, partial, retraction);
        }
    }

    /**
     * The model columns of the ranking SQL ({@link ScoreRepository}), read by {@link #model(ResultSet)}, with the
     * model's flag (a probe of model_flag's key per row; NULL when not flagged).
     */
    static final String MODEL_COLUMNS = "m.id, m.name, m.parameters, m.active_parameters, m.openness, m.organization,"
            + " (SELECT f.reason FROM model_flag f WHERE f.model_name = m.name) AS flag_reason,"
            + " (SELECT f.url FROM model_flag f WHERE f.model_name = m.name) AS flag_url";

    // The run's benchmark comes in the same statement (join fetch); the current result tells whether it is current.
    private static final String RUNS = """
            select r, c.eventId from Result r join fetch r.benchmark b
            left join CurrentResult c on c.modelId = r.modelId and c.benchmarkId = b.id and c.eventId = r.eventId
            where r.modelId = :model""";

    public Optional<ModelRow> named(String name) {
        return find("name", name).singleResultOptional().map(ModelEntity::toRow);
    }

    public long countMatching(ModelFilter filter) {
        HqlFilter filtered = HqlFilter.of(filter);
        return filtered.where().isEmpty() ? count() : count("from Model m" + filtered.where(), filtered.parameters());
    }

    public List<ModelWithCount> page(ModelFilter filter, int limit, long offset) {
        HqlFilter filtered = HqlFilter.of(filter);
        var query = getEntityManager().createQuery("select m, (select count(*) from CurrentResult c"
                + " where c.modelId = m.id) from Model m" + filtered.where()
                + " order by collate(m.name as ucs_basic)", Object[].class);
        filtered.parameters().map().forEach(query::setParameter);
        return query.setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList().stream()
                .map(row -> new ModelWithCount(((ModelEntity) row[0]).toRow(), (Long) row[1])).toList();
    }

    /** The model's current result on every benchmark, metric and version, by benchmark name, metric, version. */
    public List<Run> currentResults(long modelId) {
        return runs(RUNS + " and c.eventId is not null" + " order by collate(b.name as ucs_basic),"
                + " collate(b.metric as ucs_basic), collate(b.version as ucs_basic)",
                Map.of("model", modelId), 0, Integer.MAX_VALUE);
    }

    /** Accepted runs, newest first; {@code benchmark} and {@code metric} narrow it when not null. */
    public List<Run> history(long modelId, String benchmark, String metric, int limit, long offset) {
        StringBuilder hql = new StringBuilder(RUNS);
        Map<String, Object> parameters = new HashMap<>(Map.of("model", modelId));
        if (benchmark != null) {
            hql.append(" and b.name = :benchmark");
            parameters.put("benchmark", benchmark);
        }
        if (metric != null) {
            hql.append(" and b.metric = :metric");
            parameters.put("metric", metric);
        }
        hql.append(" order by r.evaluatedAt desc, r.eventId desc");
        return runs(hql.toString(), parameters, Math.toIntExact(offset), limit);
    }

    static ModelRow model(ResultSet rs) throws SQLException {
        String flagReason = rs.getString("flag_reason");
        return new ModelRow(rs.getLong("id"), rs.getString("name"), Jdbc.nullableLong(rs, "parameters"),
                Jdbc.nullableLong(rs, "active_parameters"), rs.getString("openness"), rs.getString("organization"),
                flagReason == null ? null : new Flag(flagReason, rs.getString("flag_url")));
    }

    private List<Run> runs(String hql, Map<String, Object> parameters, int offset, int limit) {
        var query = getEntityManager().createQuery(hql, Object[].class);
        parameters.forEach(query::setParameter);
        List<Run> runs = new ArrayList<>();
        for (Object[] row : query.setFirstResult(offset).setMaxResults(limit).getResultList()) {
            runs.add(((ResultEntity) row[0]).toRun(row[1] != null));
        }
        return runs;
    }
}
