package dev.evalboard.query.repository;

/** Why a model is flagged (docs/contract.md, "Moderation"): the moderator's reason, and a link when given. */
public record Flag(String reason, String url) {
}
