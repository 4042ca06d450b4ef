package dev.evalboard.contract;

/** Topic and header names fixed by the contract. */
public final class EventTopics {
    public static final String RESULTS = "eval.results";
    public static final String DEAD_LETTERS = "eval.results.dlq";
    /** The change feed: one {@link dev.evalboard.contract.change.ResultChange} per committed ingest batch. */
    public static final String CHANGES = "eval.changes";
    /** Flags, unflags and retractions ({@link ModerationRecord}); one partition, so they apply in order. */
    public static final String MODERATION = "eval.moderation";

    public static final String HEADER_ERROR = "evalboard-error";
    public static final String HEADER_ERROR_FIELD = "evalboard-error-field";
    public static final String HEADER_SOURCE_TOPIC = "evalboard-source-topic";
    public static final String HEADER_SOURCE_PARTITION = "evalboard-source-partition";
    public static final String HEADER_SOURCE_OFFSET = "evalboard-source-offset";
    /** On a dead letter cut down to fit the topic: why, and the original value's size in bytes and SHA-256 (hex). */
    public static final String HEADER_CUT_DOWN = "evalboard-cut-down";
    public static final String HEADER_ORIGINAL_SIZE = "evalboard-original-size";
    public static final String HEADER_ORIGINAL_SHA256 = "evalboard-original-sha256";

    private EventTopics() {
    }
}
