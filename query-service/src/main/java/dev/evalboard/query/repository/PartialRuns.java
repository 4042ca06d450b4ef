package dev.evalboard.query.repository;

import java.util.List;

/**
 * The SQL fragments that leave partial runs (event-contract's {@code EventRules.isPartial}, stored as
 * {@code current_result.partial}) out of a board unless the request includes them.
 */
final class PartialRuns {

    private PartialRuns() {
    }

    /** Appends {@code AND NOT <alias>.partial} unless partial runs are included. */
    static void appendExcluded(StringBuilder sql, String alias, boolean includePartial) {
        if (!includePartial) {
            sql.append(" AND NOT ").append(alias).append(".partial");
        }
    }

    /**
     * Appends {@code - (the board's partial results)} to the trigger-kept count of an unfiltered board, unless
     * partial runs are included: few results are partial, and V5's partial index counts them in a few probes.
     */
    static void appendSubtracted(StringBuilder sql, List<Object> params, int benchmarkId, boolean includePartial) {
        if (!includePartial) {
            sql.append(" - (SELECT count(*) FROM current_result p WHERE p.benchmark_id = ? AND p.partial)");
            params.add(benchmarkId);
        }
    }
}
