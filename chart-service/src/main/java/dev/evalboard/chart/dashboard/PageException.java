package dev.evalboard.chart.dashboard;

/** A page that cannot be shown: 400 (a bad parameter), 404 (unknown benchmark or model) or 503 (no data). */
public class PageException extends RuntimeException {

    private final int status;

    public PageException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static PageException badRequest(String message) {
        return new PageException(400, message);
    }
}
