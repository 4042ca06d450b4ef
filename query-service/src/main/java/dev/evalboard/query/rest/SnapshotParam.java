package dev.evalboard.query.rest;

import dev.evalboard.contract.SnapshotInstants;
import dev.evalboard.query.service.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code asOf}: the answer as it was built from what had been ingested by that instant (event-contract's rules). */
public class SnapshotParam {
    @QueryParam("asOf")
    @Parameter(description = "An RFC 3339 instant at least 10 s in the past, e.g. 2026-03-01T00:00:00Z: the answer"
            + " from what had been ingested by then, byte-identical (same ETag) however many events arrive later")
    public String asOf;

    Optional<Instant> instant() {
        return instant(asOf, Clock.systemUTC());
    }

    static Optional<Instant> instant(String raw, Clock clock) {
        Instant instant;
        try {
            instant = SnapshotInstants.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'asOf' must be " + SnapshotInstants.SYNTAX + ".");
        }
        if (instant != null && !SnapshotInstants.isSettled(instant, clock.instant())) {
            throw ProblemException.badRequest("'asOf' must lie at least "
                    + SnapshotInstants.SETTLED_AFTER.toSeconds() + " s in the past: what is ingested around that"
                    + " instant may still be committing.");
        }
        return Optional.ofNullable(instant);
    }
}
