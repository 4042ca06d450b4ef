package dev.evalboard.ingest.service;

import dev.evalboard.contract.change.ResultChange.Benchmark;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one batch did to the store: new events kept, events already there (redeliveries), events refused for
 * contradicting a settled benchmark (they go to the dead-letter topic), the WAL position after the commit, and the
 * boards of models whose attributes the batch changed.
 */
public record StoreOutcome(int accepted, int duplicates, List<RefusedEvent> refused, String walPosition,
        List<Benchmark> boardsOfChangedModels) {

    public static final StoreOutcome NOTHING = new StoreOutcome(0, 0, List.of(), null, List.of());

    /** Adds another batch's outcome (events stored one by one); the later WAL position stands. */
    public StoreOutcome plus(StoreOutcome later) {
        return new StoreOutcome(accepted + later.accepted, duplicates + later.duplicates,
                concat(refused, later.refused), later.walPosition == null ? walPosition : later.walPosition,
                concat(boardsOfChangedModels, later.boardsOfChangedModels));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
