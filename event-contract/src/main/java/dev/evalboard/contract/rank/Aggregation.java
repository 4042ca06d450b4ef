package dev.evalboard.contract.rank;

import java.util.Arrays;
import java.util.Optional;

/** How the cross-benchmark table turns a model's scores into the one number it is ranked by. */
public enum Aggregation {
    /** The plain mean of the scores. */
    MEAN("mean"),
    /** The mean of the scores rescaled by {@link Normalization}. */
    NORMALIZED("normalized"),
    /** The mean win rate of {@link WinRates}. */
    WINRATE("winrate");

    private final String wireName;

    Aggregation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Aggregation> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Aggregation::wireName).toList());
    }
}
