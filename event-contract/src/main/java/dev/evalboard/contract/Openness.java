package dev.evalboard.contract;

import java.util.Arrays;
import java.util.Optional;

/** How open a model is; the wire names are the contract's. */
public enum Openness {
    CLOSED("closed"),
    OPEN_WEIGHTS("open-weights"),
    OPEN_WEIGHTS_OPEN_DATA("open-weights-open-data");

    private final String wireName;

    Openness(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Openness> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
