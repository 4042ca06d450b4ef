package dev.evalboard.chart.client;

/** query-service answered 4xx: the request was wrong (unknown benchmark, bad parameter), retrying cannot help. */
public class QueryRejectedException extends RuntimeException {

    private final int status;

    public QueryRejectedException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
