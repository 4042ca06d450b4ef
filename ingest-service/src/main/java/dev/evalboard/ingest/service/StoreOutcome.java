package dev.evalboard.ingest.service;

/** What one batch did to the store: new events kept, and events already there (redeliveries). */
public record StoreOutcome(int accepted, int duplicates) {
}
