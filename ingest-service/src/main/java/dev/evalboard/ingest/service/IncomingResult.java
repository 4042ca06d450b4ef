package dev.evalboard.ingest.service;

import dev.evalboard.contract.ResultEvent;

/** A valid event together with where it was read, so that the store can tell which copy it kept. */
public record IncomingResult(ResultEvent event, int partition, long offset) {
}
