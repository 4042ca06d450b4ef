package dev.evalboard.ingest.service;

import dev.evalboard.contract.Violation;

/** A valid event that the store would not take (it contradicts what is settled), by where it was read, and why. */
public record RefusedEvent(int partition, long offset, Violation violation) {

    public IncomingResult.Position position() {
        return new IncomingResult.Position(partition, offset);
    }
}
