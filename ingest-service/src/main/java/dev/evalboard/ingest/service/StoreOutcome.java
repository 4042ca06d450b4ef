package dev.evalboard.ingest.service;

import java.util.List;

/**
 * What one batch did to the store: new events kept, events already there (redeliveries), and events refused for
 * contradicting a settled benchmark, which go to the dead-letter topic.
 */
public record StoreOutcome(int accepted, int duplicates, List<RefusedEvent> refused) {

    public static final StoreOutcome NOTHING = new StoreOutcome(0, 0, List.of());
}
