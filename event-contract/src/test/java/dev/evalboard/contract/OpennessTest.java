package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpennessTest {

    @Test
    void readersShowUnknownForAMissingOrForeignOpenness() {
        assertEquals(Openness.UNKNOWN, Openness.fromWireNameOrUnknown(null));
        assertEquals(Openness.UNKNOWN, Openness.fromWireNameOrUnknown("open-source"));
        assertEquals(Openness.CLOSED, Openness.fromWireNameOrUnknown("closed"));
    }

    @Test
    void unknownIsNoWireName() {
        assertEquals(Optional.empty(), Openness.fromWireName("unknown"));
        assertEquals("open-weights, open-weights-open-data, closed", Openness.wireNames());
    }

    @Test
    void everyWireNameReadsBack() {
        for (Openness openness : Openness.values()) {
            if (openness != Openness.UNKNOWN) {
                assertEquals(Optional.of(openness), Openness.fromWireName(openness.wireName()));
            }
        }
    }
}
