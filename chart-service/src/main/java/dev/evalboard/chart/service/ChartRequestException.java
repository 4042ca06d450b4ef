package dev.evalboard.chart.service;

/** A chart request that cannot be served, with the HTTP status that says why. */
public class ChartRequestException extends RuntimeException {

    private final int status;
    private final String parameter;

    /** @param parameter the request parameter at fault, or null */
    public ChartRequestException(int status, String parameter, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    public static ChartRequestException badParameter(String parameter, String message) {
        return new ChartRequestException(400, parameter, message);
    }

    public int status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }
}
