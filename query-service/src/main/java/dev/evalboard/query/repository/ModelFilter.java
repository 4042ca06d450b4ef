package dev.evalboard.query.repository;

import java.util.ArrayList;
import java.util.Collections;
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
     * count, unless flagged models are included. When partial runs are left out too, a flagged model's partial run
     * is not counted here: it is subtracted once, with the partial runs.
     */
    void appendMinusFlaggedOnBoard(StringBuilder sql, List<Object> params, int benchmarkId, boolean includePartial) {
        if (!includeFlagged) {
            sql.append(" - (SELECT count(*) FROM model_flag f JOIN model fm ON fm.name = f.model_name")
                    .append(" JOIN current_result s ON s.model_id = fm.id WHERE s.benchmark_id = ?")
                    .append(includePartial ? ")" : " AND NOT s.partial)");
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

    /**
     * The filter's conditions on the model aliased {@code m}, written once for both dialects that render them: SQL
     * here ({@link #appendTo}) and HQL ({@link HqlFilter}). Each {@code ?} in a condition is its value's place.
     */
    List<Condition> conditions() {
        List<Condition> conditions = new ArrayList<>();
        if (!openness.isEmpty()) {
            conditions.add(new Condition("openness", "m.openness in (?)", openness));
        }
        if (minParameters != null) {
            conditions.add(new Condition("minParameters", "m.parameters >= ?", minParameters));
        }
        if (maxParameters != null) {
            conditions.add(new Condition("maxParameters", "m.parameters <= ?", maxParameters));
        }
        if (query != null && !query.isEmpty()) {
            // position, not LIKE: '%' and '_' in the user's text stay literal.
            conditions.add(new Condition("query", "position(lower(?) in lower(m.name)) > 0", query));
        }
        return conditions;
    }

    /** One condition: its parameter's name (for HQL), its text with one {@code ?}, and its value or values. */
    record Condition(String name, String text, Object value) {
    }

    /** Appends {@code AND ...} conditions on the model table aliased {@code m}, with their parameters. */
    void appendTo(StringBuilder sql, List<Object> params) {
        for (Condition condition : conditions()) {
            List<?> values = condition.value() instanceof List<?> list ? list : List.of(condition.value());
            String places = String.join(", ", Collections.nCopies(values.size(), "?"));
            sql.append(" AND ").append(condition.text().replace("?", places));
            params.addAll(values);
        }
    }
}
