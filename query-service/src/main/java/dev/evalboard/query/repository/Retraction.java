package dev.evalboard.query.repository;

/** Why a run stopped counting (docs/contract.md, "Moderation"). */
public record Retraction(String reason) {
}
