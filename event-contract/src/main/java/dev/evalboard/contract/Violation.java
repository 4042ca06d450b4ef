package dev.evalboard.contract;

/**
 * Why an event was rejected: a human sentence and, when one field is at fault, its JSON pointer (RFC 6901).
 */
public record Violation(String message, String pointer) {

    public static Violation ofWholeRecord(String message) {
        return new Violation(message, null);
    }
}
