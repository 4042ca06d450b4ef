package dev.evalboard.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code asOf}, the instant of a snapshot ({@code docs/contract.md}, section 2, "Snapshots"), as query-service and
 * chart-service read it: RFC 3339 with an offset, surrounding blanks ignored, at most {@value #MAX_LENGTH}
 * characters; and how far in the past it must lie.
 */
public final class SnapshotInstants {

    /** What an instant must look like, worded for error messages. */
    public static final String SYNTAX = "an RFC 3339 instant with an offset, e.g. 2026-03-01T00:00:00Z";
    /**
     * How far in the past a snapshot must lie: a batch ingested by then may still be committing for a moment, and a
     * snapshot must never change once answered.
     */
    public static final Duration SETTLED_AFTER = Duration.ofSeconds(10);
    static final int MAX_LENGTH = 64;

    private SnapshotInstants() {
    }

    /**
     * The instant {@code raw} names, or null when it is absent (null or blank).
     *
     * @throws IllegalArgumentException when it is not {@link #SYNTAX}
     */
    public static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not " + SYNTAX, e);
        }
    }

    /** Whether a snapshot at {@code instant} may be answered at {@code now}: it lies {@link #SETTLED_AFTER} back. */
    public static boolean isSettled(Instant instant, Instant now) {
        return !instant.isAfter(now.minus(SETTLED_AFTER));
    }
}
