package dev.evalboard.chart.render;

/** The chart cannot be drawn from this input: a bound is exceeded or a value is unusable. */
public class ChartInputException extends IllegalArgumentException {

    private final String parameter;

    /** @param parameter the option or field at fault, as callers name it (e.g. "width", "series") */
    public ChartInputException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
