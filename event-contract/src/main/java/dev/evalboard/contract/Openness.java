package dev.evalboard.contract;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How open a model is; the wire names are the contract's. {@link #UNKNOWN} is never on the wire: it is what readers
 * show for a model whose events do not say. The declaration order is the order of a chart's legend.
 */
public enum Openness {
    OPEN_WEIGHTS("open-weights", "Open-Weights Only"),
    OPEN_WEIGHTS_OPEN_DATA("open-weights-open-data", "Open-Weights & Open-Data"),
    CLOSED("closed", "Closed"),
    UNKNOWN(null, "Openness unknown");

    private final String wireName;
    private final String legendLabel;

    Openness(String wireName, String legendLabel) {
        this.wireName = wireName;
        this.legendLabel = legendLabel;
    }

    /** The name in events and query parameters; null for {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    public String legendLabel() {
        return legendLabel;
    }

    /** The openness an event or a parameter may name; empty for any other text, "unknown" included. */
    public static Optional<Openness> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName != null && o.wireName.equals(name)).findFirst();
    }

    /** The openness with this wire name; UNKNOWN for null or any other text. */
    public static Openness fromWireNameOrUnknown(String name) {
        return fromWireName(name).orElse(UNKNOWN);
    }

    /** The wire names, for messages: "open-weights, open-weights-open-data, closed". */
    public static String wireNames() {
        return Arrays.stream(values()).map(Openness::wireName).filter(name -> name != null)
                .collect(Collectors.joining(", "));
    }
}
