package dev.evalboard.query.repository;

import java.util.List;

/**
 * Which models a listing, leaderboard, table or Pareto set takes in; null fields do not filter.
 *
 * @param openness      accepted openness values; empty means any
 * @param minParameters inclusive lower bound on total parameters (models without a count are left out)
 * @param maxParameters inclusive upper bound on total parameters (models without a count are left out)
 * @param query         case-insensitive substring of the model name
 * @param includeFlagged whether flagged models are taken in too (they are left out before ranking by default)
 */
public record ModelFilter(List<String> openness, Long minParameters, Long maxParameters, String query,
        boolean includeFlagged) {

    public static final ModelFilter NONE = new ModelFilter(List.of(), null, null, null);

    public ModelFilter {
        openness = List.copyOf(openness);
    }

    /** Without flagged models. */
    public ModelFilter(List<String> openness, Long minParameters, Long maxParameters, String query) {
        this(openness, minParameters, maxParameters, query, false);
    }

    public ModelFilter withFlagged(boolean include) {
        return new ModelFilter(openness, minParameters, maxParameters, query, include);
    }

    /**
     * Appends {@code AND ...} leaving out flagged models, by the model id column given (no join with the model table
     * needed), unless flagged models are included. Flags are few: an anti-join with a handful of rows.
     */
    void appendFlagExclusion(StringBuilder sql, String modelIdColumn) {
        if (!includeFlagged) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM model_flag f JOIN model fm ON fm.name = f.model_name")
                    .append(" WHERE fm.id = ").append(modelIdColumn).append(')');
        }
    }

    /**
     * Appends {@code - (the number of flagged models with a current result on the board)}, to subtract from its kept
     * count, unless flagged models are included.
     */
    void appendMinusFlaggedOnBoard(StringBuilder sql, List<Object> params, int benchmarkId) {
        if (!includeFlagged) {
            sql.append(" - (SELECT count(*) FROM model_flag f JOIN model fm ON fm.name = f.model_name")
                    .append(" JOIN current_result s ON s.model_id = fm.id WHERE s.benchmark_id = ?)");
            params.add(benchmarkId);
        }
    }

    /**
     * True when no condition on the model's attributes applies, so that a query need not read the model table for
     * the filter (flagged models are left out separately, by model id: {@link #appendFlagExclusion}).
     */
    boolean isEmpty() {
        return openness.isEmpty() && minParameters == null && maxParameters == null
                && (query == null || query.isEmpty());
    }

    /** Appends {@code AND ...} conditions on the model table aliased {@code m}, with their parameters. */
    void appendTo(StringBuilder sql, List<Object> params) {
        if (!openness.isEmpty()) {
            sql.append(" AND m.openness = ANY(?)");
            params.add(openness.toArray(String[]::new));
        }
        if (minParameters != null) {
            sql.append(" AND m.parameters >= ?");
            params.add(minParameters);
        }
        if (maxParameters != null) {
            sql.append(" AND m.parameters <= ?");
            params.add(maxParameters);
        }
        if (query != null && !query.isEmpty()) {
            // strpos, not LIKE: '%' and '_' in the user's text stay literal.
            sql.append(" AND strpos(lower(m.name), lower(?)) > 0");
            params.add(query);
        }
    }
}
