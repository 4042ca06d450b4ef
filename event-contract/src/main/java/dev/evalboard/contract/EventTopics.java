package dev.evalboard.contract;

/** Topic and header names fixed by the contract. */
public final class EventTopics {
    public static final String RESULTS = "eval.results";
    public static final String DEAD_LETTERS = "eval.results.dlq";

    public static final String HEADER_ERROR = "evalboard-error";
    public static final String HEADER_ERROR_FIELD = "evalboard-error-field";
    public static final String HEADER_SOURCE_TOPIC = "evalboard-source-topic";
    public static final String HEADER_SOURCE_PARTITION = "evalboard-source-partition";
    public static final String HEADER_SOURCE_OFFSET = "evalboard-source-offset";

    private EventTopics() {
    }
}
