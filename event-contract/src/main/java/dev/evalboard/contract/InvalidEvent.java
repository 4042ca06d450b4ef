package dev.evalboard.contract;

/** Thrown inside the parser only; carries the first rule an event breaks. */
final class InvalidEvent extends RuntimeException {
    private final transient Violation violation;

    InvalidEvent(String message, String pointer) {
        super(message, null, false, false);
        this.violation = new Violation(message, pointer);
    }

    Violation violation() {
        return violation;
    }
}
