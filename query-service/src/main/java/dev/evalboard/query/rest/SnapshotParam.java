package dev.evalboard.query.rest;

import dev.evalboard.query.service.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code asOf}: the answer as it was built from what had been ingested by that instant. */
public class SnapshotParam {
    /**
     * How far in the past a snapshot must lie: a batch ingested by then may still be committing for a moment, and a
     * snapshot must never change once answered.
     */
    static final Duration SETTLED_AFTER = Duration.ofSeconds(10);
    private static final int MAX_LENGTH = 64;

    @QueryParam("asOf")
    @Parameter(description = "An RFC 3339 instant at least 10 s in the past, e.g. 2026-03-01T00:00:00Z: the answer"
            + " from what had been ingested by then, byte-identical (same ETag) however many events arrive later")
    public String asOf;

    Optional<Instant> instant() {
        return instant(asOf, Clock.systemUTC());
    }

    static Optional<Instant> instant(String raw, Clock clock) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.length() > MAX_LENGTH) {
            throw malformed();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed();
        }
        if (instant.isAfter(clock.instant().minus(SETTLED_AFTER))) {
            throw ProblemException.badRequest("'asOf' must lie at least " + SETTLED_AFTER.toSeconds()
                    + " s in the past: what is ingested around that instant may still be committing.");
        }
        return Optional.of(instant);
    }

    private static ProblemException malformed() {
        return ProblemException.badRequest("'asOf' must be an RFC 3339 instant with an offset, e.g. "
                + "2026-03-01T00:00:00Z.");
    }
}
