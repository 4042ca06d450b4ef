package dev.evalboard.contract;

/**
 * One record of {@code eval.moderation} (docs/contract.md, "Moderation"): a model flagged or unflagged by name, or a
 * run retracted by eventId. Read by {@link ModerationParser}, which applies every rule.
 */
public sealed interface ModerationRecord {

    /** The action's name on the wire. */
    String action();

    /** Leaves the model out of boards, tables, Pareto sets and charts (unless asked for), showing why. */
    record Flag(String model, String reason, String url) implements ModerationRecord {
        @Override
        public String action() {
            return "flag";
        }
    }

    /** Lifts a model's flag; a model without one is left as it is. */
    record Unflag(String model) implements ModerationRecord {
        @Override
        public String action() {
            return "unflag";
        }
    }

    /** Stops a run counting, whether or not it has arrived yet: the model's previous run becomes current again. */
    record Retract(String eventId, String reason) implements ModerationRecord {
        @Override
        public String action() {
            return "retract";
        }
    }

    /** The outcome of reading one record value: a record, or the first rule it breaks. */
    sealed interface Parsed {
    }

    record Accepted(ModerationRecord record) implements Parsed {
    }

    record Rejected(Violation violation) implements Parsed {
    }
}
