package dev.evalboard.query.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reading the store as it was at an instant ({@code asOf}). Every statement run by {@link Jdbc} inside
 * {@link #at} starts with common table expressions named like the tables they stand for: {@code retraction},
 * {@code model_flag}, {@code current_result}, {@code current_result_count}, {@code model} and {@code benchmark},
 * rebuilt from the history and the moderation log as ingested by then with the rules ingest applies (the latest run
 * not retracted, by evaluatedAt, then eventId; each attribute from its most recent statement; a model's last flag or
 * unflag). The rankers' SQL reads them unchanged. The answer is read from the history alone, so it never changes
 * once nothing ingested by that instant is still committing. Which benchmarks and versions existed then is decided
 * by {@link BenchmarkRepository}, through Hibernate, with {@link #instant()}.
 */
public final class Snapshot {
    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private static final String TABLES = """
            WITH snapshot AS (SELECT ?::timestamptz AS as_of),
            retraction AS (
                SELECT x.event_id, x.reason, x.retracted_at FROM retraction x
                WHERE x.retracted_at <= (SELECT as_of FROM snapshot)),
            model_flag AS (
                SELECT model_name, reason, url, ingested_at AS flagged_at FROM (
                    SELECT DISTINCT ON (l.model_name) l.model_name, l.action, l.reason, l.url, l.ingested_at
                    FROM moderation_log l
                    WHERE l.action IN ('flag', 'unflag') AND l.ingested_at <= (SELECT as_of FROM snapshot)
                    ORDER BY l.model_name, l.id DESC) latest
                WHERE action = 'flag'),
            current_result AS (
                SELECT DISTINCT ON (r.benchmark_id, r.model_id) r.benchmark_id, r.model_id, r.event_id, r.score,
                       r.stderr, r.samples, r.cost_usd, r.evaluated_at, r.partial
                FROM result r WHERE r.ingested_at <= (SELECT as_of FROM snapshot)
                  AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.event_id = r.event_id)
                ORDER BY r.benchmark_id, r.model_id, r.evaluated_at DESC, r.event_id DESC),
            current_result_count AS (
                SELECT benchmark_id, 0::smallint AS slot, count(*) AS results, max(evaluated_at) AS last_update
                FROM current_result GROUP BY benchmark_id),
            model AS (
                SELECT m.id, m.name, m.created_at, a.parameters, a.active_parameters, a.openness, a.organization
                FROM model m CROSS JOIN LATERAL (SELECT %s
                    FROM result r WHERE r.model_id = m.id AND r.ingested_at <= (SELECT as_of FROM snapshot)) a),
            benchmark AS (
                SELECT b.id, b.name, b.metric, b.version, b.higher_is_better, b.unit, a.baseline
                FROM benchmark b CROSS JOIN LATERAL (SELECT %s
                    FROM result r WHERE r.benchmark_id = b.id AND r.ingested_at <= (SELECT as_of FROM snapshot)) a)
            """.formatted(latest("parameters", "active_parameters", "openness", "organization"), latest("baseline"));

    private Snapshot() {
    }

    /** Runs {@code work} reading the store as of {@code asOf}, or as it is now when empty. */
    public static <T> T at(Optional<Instant> asOf, Supplier<T> work) {
        if (asOf.isEmpty()) {
            return work.get();
        }
        Instant outer = CURRENT.get();
        CURRENT.set(asOf.get());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The instant being read inside {@link #at}, or empty when reading the store as it is now. */
    public static Optional<Instant> instant() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** {@code sql} as it reads inside {@link #at}: the snapshot's tables first. */
    static String sql(String sql) {
        if (CURRENT.get() == null) {
            return sql;
        }
        String trimmed = sql.stripLeading();
        boolean hasWith = trimmed.regionMatches(true, 0, "WITH ", 0, 5);
        return TABLES + (hasWith ? ", " + trimmed.substring(5) : trimmed);
    }

    /** {@code params} as they bind inside {@link #at}: the instant first. */
    static List<?> params(List<?> params) {
        Instant asOf = CURRENT.get();
        if (asOf == null) {
            return params;
        }
        List<Object> all = new ArrayList<>(params.size() + 1);
        all.add(OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        all.addAll(params);
        return all;
    }

    /** Each attribute's most recent statement among the runs, as ingest's AttributeMerge decides it. */
    private static String latest(String... attributes) {
        List<String> columns = new ArrayList<>();
        for (String a : attributes) {
            columns.add(("(array_agg(r.%1$s ORDER BY r.evaluated_at DESC, r.event_id DESC) FILTER (WHERE r.%1$s IS NOT"
                    + " NULL))[1] AS %1$s").formatted(a));
        }
        return String.join(", ", columns);
    }
}
