package dev.evalboard.query.cache;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A normalised request: the endpoint, its parsed parameters (defaults applied, values validated) and the
 * representation. Two requests with equal keys get byte-identical responses.
 */
public record CacheKey(String endpoint, List<Object> parameters, boolean csv) {

    public static CacheKey of(String endpoint, boolean csv, Object... parameters) {
        // Arrays.asList keeps nulls (absent filters); the copy makes the key immutable.
        return new CacheKey(endpoint, Collections.unmodifiableList(Arrays.asList(parameters.clone())), csv);
    }
}
