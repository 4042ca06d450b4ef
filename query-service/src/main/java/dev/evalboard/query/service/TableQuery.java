package dev.evalboard.query.service;

import dev.evalboard.contract.rank.Aggregation;
import dev.evalboard.contract.rank.RankSort;
import dev.evalboard.query.repository.ModelFilter;
import java.util.List;

/**
 * What the cross-benchmark table is asked for: which benchmarks, how scores combine ({@code aggregation}), how many
 * of the benchmarks a model needs a result on to be ranked ({@code minBenchmarks}, 1 to their number), the order.
 * Each benchmark is taken in its newest version, or of one benchmark the {@code version} named (null: the newest);
 * partial runs count only when {@code includePartial}.
 */
public record TableQuery(List<String> benchmarks, String metric, String version, ModelFilter filter,
        boolean includePartial,
        Aggregation aggregation, int minBenchmarks, RankSort sort, int limit, long offset) {
}
