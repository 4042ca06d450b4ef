package dev.evalboard.query.repository;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/** A {@link ModelFilter} as an HQL where clause on the model aliased {@code m} (empty when nothing filters). */
record HqlFilter(String where, Parameters parameters) {

    static HqlFilter of(ModelFilter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!filter.openness().isEmpty()) {
            conditions.add("m.openness in :openness");
            parameters.and("openness", filter.openness());
        }
        if (filter.minParameters() != null) {
            conditions.add("m.parameters >= :minParameters");
            parameters.and("minParameters", filter.minParameters());
        }
        if (filter.maxParameters() != null) {
            conditions.add("m.parameters <= :maxParameters");
            parameters.and("maxParameters", filter.maxParameters());
        }
        if (filter.query() != null && !filter.query().isEmpty()) {
            // locate (SQL position), not like: '%' and '_' in the user's text stay literal.
            conditions.add("locate(lower(:query), lower(m.name)) > 0");
            parameters.and("query", filter.query());
        }
        return new HqlFilter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }
}
