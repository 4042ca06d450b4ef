package dev.evalboard.query.service;

import java.util.Arrays;
import java.util.Optional;

/** What a Pareto set puts on x; every one of them is lower-is-better. */
public enum XAxis {
    PARAMETERS("parameters"),
    ACTIVE_PARAMETERS("activeParameters"),
    COST_USD("costUsd");

    private final String wireName;

    XAxis(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<XAxis> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
