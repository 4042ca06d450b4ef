package dev.evalboard.query.repository;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/** A {@link ModelFilter} as an HQL where clause on the model aliased {@code m} (empty when nothing filters). */
record HqlFilter(String where, Parameters parameters) {

    static HqlFilter of(ModelFilter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        for (ModelFilter.Condition condition : filter.conditions()) {
            conditions.add(condition.text().replace("?", ":" + condition.name()));
            parameters.and(condition.name(), condition.value());
        }
        return new HqlFilter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }
}
