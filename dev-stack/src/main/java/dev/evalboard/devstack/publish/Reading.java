package dev.evalboard.devstack.publish;

import java.util.List;

/** What one input file gave: its records, and notes for the user about what was left out on purpose. */
record Reading(List<InputRecord> records, List<String> notes) {

    static Reading of(List<InputRecord> records) {
        return new Reading(records, List.of());
    }
}
