package dev.evalboard.contract;

/** The outcome of parsing one record value: an accepted event or the reason it was rejected. */
public sealed interface ParseResult {

    record Accepted(ResultEvent event) implements ParseResult {
    }

    record Rejected(Violation violation) implements ParseResult {
    }
}
