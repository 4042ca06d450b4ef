package dev.evalboard.query.service;

/** A request the API refuses, told to the client as an RFC 9457 problem; the detail is safe to show. */
public class ProblemException extends RuntimeException {
    private final int status;

    private ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}
