package dev.evalboard.contract;

import java.util.Arrays;
import java.util.Optional;

/** Whether a score is a percentage (bounded to [0, 100]) or a raw number. */
public enum ScoreUnit {
    PERCENT("percent"),
    RAW("raw");

    private final String wireName;

    ScoreUnit(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ScoreUnit> fromWireName(String name) {
        return Arrays.stream(values()).filter(u -> u.wireName.equals(name)).findFirst();
    }
}
