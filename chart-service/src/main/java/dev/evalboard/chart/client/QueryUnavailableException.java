package dev.evalboard.chart.client;

/** query-service failed (5xx, unreadable answer); worth a retry, and a 503 if it keeps failing. */
public class QueryUnavailableException extends RuntimeException {

    public QueryUnavailableException(String message) {
        super(message);
    }
}
