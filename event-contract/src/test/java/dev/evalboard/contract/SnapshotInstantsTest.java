package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotInstantsTest {

    @Test
    void readsAnInstantWithAnyOffsetAsTheSameInstant() {
        Instant midnight = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(midnight, SnapshotInstants.parse("2026-03-01T00:00:00Z"));
        assertEquals(midnight, SnapshotInstants.parse("2026-03-01T01:00:00+01:00"));
        assertEquals(midnight, SnapshotInstants.parse(" 2026-02-28T19:00:00.000-05:00 "));
    }

    @Test
    void anAbsentInstantIsNoSnapshot() {
        assertNull(SnapshotInstants.parse(null));
        assertNull(SnapshotInstants.parse(""));
        assertNull(SnapshotInstants.parse("  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-01-01", "2026-01-01T00:00:00", "2026-13-01T00:00:00Z",
        "2026-01-01T00:00:00Z trailing"})
    void refusesWhatIsNotAnInstantWithAnOffset(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnapshotInstants.parse(raw));
        assertTrue(e.getMessage().contains("RFC 3339"), e.getMessage());
    }

    @Test
    void refusesAnOverlongValueBeforeParsingIt() {
        String padded = "2026-01-01T00:00:00Z" + " ".repeat(SnapshotInstants.MAX_LENGTH);
        assertThrows(IllegalArgumentException.class, () -> SnapshotInstants.parse(padded));
        assertThrows(IllegalArgumentException.class, () -> SnapshotInstants.parse("9".repeat(100)));
    }

    @Test
    void aSnapshotIsSettledTenSecondsAfterItsInstant() {
        Instant now = Instant.parse("2026-03-01T00:00:10Z");
        assertTrue(SnapshotInstants.isSettled(Instant.parse("2026-03-01T00:00:00Z"), now));
        assertFalse(SnapshotInstants.isSettled(Instant.parse("2026-03-01T00:00:00.001Z"), now));
        assertFalse(SnapshotInstants.isSettled(now.plusSeconds(3600), now));
    }
}
