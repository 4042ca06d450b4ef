package dev.evalboard.query.repository;

import java.util.List;

/**
 * Which models a listing, leaderboard, table or Pareto set takes in; null fields do not filter.
 *
 * @param openness      accepted openness values; empty means any
 * @param minParameters inclusive lower bound on total parameters (models without a count are left out)
 * @param maxParameters inclusive upper bound on total parameters (models without a count are left out)
 * @param query         case-insensitive substring of the model name
 */
public record ModelFilter(List<String> openness, Long minParameters, Long maxParameters, String query) {

    public static final ModelFilter NONE = new ModelFilter(List.of(), null, null, null);

    public ModelFilter {
        openness = List.copyOf(openness);
    }

    /** True when no condition applies, so that a query need not read the model table for the filter. */
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
