package dev.evalboard.ingest.service;

import dev.evalboard.contract.ResultEvent;

/** A valid event together with where it was read, so that the store can tell which copy it kept. */
public record IncomingResult(ResultEvent event, int partition, long offset) {

    /** Where a record was read: enough to find it again in its batch. */
    public record Position(int partition, long offset) {
    }

    public Position position() {
        return new Position(partition, offset);
    }
}
