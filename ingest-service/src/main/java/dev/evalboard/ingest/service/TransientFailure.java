package dev.evalboard.ingest.service;

/**
 * The batch could not be finished for a reason outside the records (database or broker unreachable, deadlock):
 * nothing was committed, and the same batch must be tried again later.
 */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
