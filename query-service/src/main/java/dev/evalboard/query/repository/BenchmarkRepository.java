package dev.evalboard.query.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Benchmarks and their metrics. Lookups go through Hibernate ORM; the statistics of the benchmark list stay one SQL
 * statement over the counts the schema's triggers keep (a CTE with a window, which HQL would only restate). A
 * request context is activated when none is: leaderboards resolve their benchmark in the cache's background refresh.
 */
@ApplicationScoped
@ActivateRequestContext
public class BenchmarkRepository implements PanacheRepositoryBase<BenchmarkEntity, Integer> {

    /** One benchmark+metric+version (null: none) with how many models have a current result on it. */
    public record MetricStats(String benchmark, String metric, String version, boolean higherIsBetter, String unit,
            long modelCount, long benchmarkModelCount, Instant lastUpdate) {
    }

    // Counts and last updates come from the rows the schema's triggers keep (V2__current_result_counts.sql); only a
    // benchmark with several metrics counts its distinct models across them from the results.
    private static final String STATS = """
            WITH per_metric AS (
                SELECT b.id, b.name, b.metric, b.version, coalesce(b.higher_is_better, %s) AS higher_is_better,
                       coalesce(b.unit, '%s') AS unit, coalesce(sum(n.results), 0) AS model_count,
                       max(n.last_update) AS last_update, count(*) OVER (PARTITION BY b.name) AS metrics
                FROM benchmark b LEFT JOIN current_result_count n ON n.benchmark_id = b.id
                GROUP BY b.id)
            SELECT p.*, CASE WHEN p.metrics = 1 THEN p.model_count ELSE
                   (SELECT count(DISTINCT c.model_id) FROM current_result c JOIN benchmark b ON b.id = c.benchmark_id
                    WHERE b.name = p.name) END AS benchmark_model_count
            FROM per_metric p
            ORDER BY p.name COLLATE "C", p.metric COLLATE "C\"""".formatted(BenchmarkEntity.DEFAULT_HIGHER_IS_BETTER,
            BenchmarkEntity.DEFAULT_UNIT);

    // Whether the event that settled the direction was ingested after the snapshot's instant (a probe of result's key).
    private static final String DIRECTION_SETTLED_LATER = "case when exists (select 1 from Result r"
            + " where r.eventId = b.higherIsBetterEvent and r.ingestedAt > :asOf) then true else false end";

    private final Jdbc jdbc;

    public BenchmarkRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every version of the benchmark+metric, in no particular order (empty when there is none). Inside a snapshot,
     * as they were then: a direction settled by an event ingested later was the reader default.
     */
    public List<Benchmark> versionsOf(String name, String metric) {
        if (Snapshot.instant().isEmpty()) {
            // list(), not stream(): a scrolled result costs several times the CPU for the one to three rows here, and
            // every leaderboard computation resolves its benchmark.
            return find("name = ?1 and metric = ?2", name, metric).list().stream().map(BenchmarkEntity::toBenchmark)
                    .toList();
        }
        return existing("select b, " + DIRECTION_SETTLED_LATER + " from Benchmark b where b.name = :name"
                + " and b.metric = :metric", "", Object[].class).setParameter("name", name)
                .setParameter("metric", metric).getResultList().stream()
                .map(row -> ((BenchmarkEntity) row[0]).toBenchmark((Boolean) row[1])).toList();
    }

    /** The metrics a benchmark is known with (byte-wise order, each once whatever its versions), to tell "no such benchmark" from "no such metric". */
    public List<String> metricsOf(String name) {
        return existing("select b.metric from Benchmark b where b.name = :name",
                " order by collate(b.metric as ucs_basic)", String.class).setParameter("name", name).getResultList()
                .stream().distinct().toList();
    }

    /**
     * {@code selectWhere} (over {@code Benchmark b}), then {@code orderBy}. Inside a snapshot ({@link Snapshot}) a
     * benchmark+metric+version existed only if a run of it had been ingested by the instant: a version or benchmark
     * published later is neither shown, nor listed, nor found.
     */
    private <T> TypedQuery<T> existing(String selectWhere, String orderBy, Class<T> type) {
        Optional<Instant> asOf = Snapshot.instant();
        TypedQuery<T> query = getEntityManager().createQuery(selectWhere + (asOf.isPresent() ? " and exists (select 1"
                + " from Result r where r.benchmark = b and r.ingestedAt <= :asOf)" : "") + orderBy, type);
        asOf.ifPresent(instant -> query.setParameter("asOf", instant));
        return query;
    }

    public List<MetricStats> stats() {
        return jdbc.list(STATS, List.of(), rs -> new MetricStats(rs.getString("name"), rs.getString("metric"),
                rs.getString("version").isEmpty() ? null : rs.getString("version"), rs.getBoolean("higher_is_better"), rs.getString("unit"), rs.getLong("model_count"),
                rs.getLong("benchmark_model_count"), Jdbc.instant(rs, "last_update")));
    }
}
