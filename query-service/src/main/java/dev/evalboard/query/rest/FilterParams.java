package dev.evalboard.query.rest;

import dev.evalboard.query.repository.ModelFilter;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The model filters shared by listings, leaderboards, the table and Pareto sets. */
public class FilterParams {
    @QueryParam("openness")
    @Parameter(description = "closed, open-weights or open-weights-open-data; repeat for several")
    List<String> openness;

    @QueryParam("minParameters")
    @Parameter(description = "Inclusive lower bound on total parameters")
    String minParameters;

    @QueryParam("maxParameters")
    @Parameter(description = "Inclusive upper bound on total parameters")
    String maxParameters;

    @QueryParam("q")
    @Parameter(description = "Case-insensitive substring of the model name")
    String q;

    @QueryParam("includeFlagged")
    @Parameter(description = "true to take flagged models in too, each with its flag {reason, url}; false by default"
            + " (leaderboards, the table and Pareto sets; the model list lists every model)")
    String includeFlagged;

    ModelFilter toFilter() {
        Long min = Params.parameterCount("minParameters", minParameters);
        Long max = Params.parameterCount("maxParameters", maxParameters);
        Params.requireOrdered(min, max);
        return new ModelFilter(Params.openness(openness), min, max, Params.query(q))
                .withFlagged(Params.flag("includeFlagged", includeFlagged, false));
    }

    /** The filter as a cache key: the order of repeated {@code openness} values does not matter. */
    static ModelFilter normalised(ModelFilter filter) {
        return new ModelFilter(filter.openness().stream().sorted().toList(), filter.minParameters(),
                filter.maxParameters(), filter.query(), filter.includeFlagged());
    }
}
