package dev.evalboard.query.cache;

import dev.evalboard.contract.change.ResultChange;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A normalised request: the endpoint, its parsed parameters (defaults applied, values validated) and the
 * representation. Two requests with equal keys get byte-identical responses. {@code boards} are the benchmarks the
 * answer is computed from; null means it depends on every change (the benchmark list).
 */
public record CacheKey(String endpoint, List<Object> parameters, boolean csv, Set<ResultChange.Benchmark> boards) {

    public static CacheKey of(String endpoint, boolean csv, Set<ResultChange.Benchmark> boards,
            Object... parameters) {
        // Arrays.asList keeps nulls (absent filters); the copy makes the key immutable.
        return new CacheKey(endpoint, Collections.unmodifiableList(Arrays.asList(parameters.clone())), csv,
                boards == null ? null : Set.copyOf(boards));
    }

    /** Whether the answer to this key may differ after {@code change}. */
    boolean affectedBy(ResultChange change) {
        return boards == null || change.benchmarks().stream().map(ResultChange.Benchmark::board).anyMatch(boards::contains);
    }
}
