package dev.evalboard.chart.service;

import dev.evalboard.chart.render.scale.NumberStyle;

/** What a scatter chart's x axis measures: the {@code x} parameter of the query API. */
public enum XMeasure {
    PARAMETERS("parameters", "Total Parameters", NumberStyle.SI),
    ACTIVE_PARAMETERS("activeParameters", "Active Parameters", NumberStyle.SI),
    COST_USD("costUsd", "Cost (USD)", NumberStyle.USD);

    private final String code;
    private final String axisTitle;
    private final NumberStyle style;

    XMeasure(String code, String axisTitle, NumberStyle style) {
        this.code = code;
        this.axisTitle = axisTitle;
        this.style = style;
    }

    public String code() {
        return code;
    }

    public String axisTitle() {
        return axisTitle;
    }

    public NumberStyle style() {
        return style;
    }

    /** The measure with this code, or null. */
    public static XMeasure fromCode(String code) {
        for (XMeasure m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        return null;
    }
}
