package dev.evalboard.chart.render;

/** How open a model is, as in the result events; decides a scatter point's colour and legend entry. */
public enum Openness {
    OPEN_WEIGHTS("open-weights", "Open-Weights Only"),
    OPEN_WEIGHTS_OPEN_DATA("open-weights-open-data", "Open-Weights & Open-Data"),
    CLOSED("closed", "Closed"),
    UNKNOWN("unknown", "Openness unknown");

    private final String code;
    private final String legendLabel;

    Openness(String code, String legendLabel) {
        this.code = code;
        this.legendLabel = legendLabel;
    }

    public String code() {
        return code;
    }

    public String legendLabel() {
        return legendLabel;
    }

    /** The openness with this event code; UNKNOWN for null or any other text. */
    public static Openness fromCode(String code) {
        for (Openness o : values()) {
            if (o.code.equals(code)) {
                return o;
            }
        }
        return UNKNOWN;
    }
}
