package dev.evalboard.contract.rank;

import java.util.Arrays;
import java.util.Optional;

/**
 * The order of a ranked answer. {@code rank}: by score (or aggregate), ties by model name. {@code ciRank}: by ciRank;
 * models that share one by the better end of their interval, then by score, then by name. A ciRank only grows as
 * the better end worsens, so this is the order of the better ends, which an index can page.
 */
public enum RankSort {
    RANK("rank"),
    CI_RANK("ciRank");

    private final String wireName;

    RankSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RankSort> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(RankSort::wireName).toList());
    }
}
