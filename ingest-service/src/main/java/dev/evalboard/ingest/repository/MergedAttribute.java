package dev.evalboard.ingest.repository;

/**
 * An attribute that the most recent event stating it decides (by evaluatedAt, then eventId), as the contract says
 * of model attributes. Its table keeps {@code <attribute>_at} and {@code <attribute>_event} for the event that set
 * it, so an older event arriving late changes nothing.
 */
record MergedAttribute(String table, String attribute, String stagingKey, String joinCondition) {

    static MergedAttribute ofModel(String attribute) {
        return new MergedAttribute("model", attribute, "model_name", "t.name = w.model_name");
    }

    static MergedAttribute ofBenchmark(String attribute) {
        return new MergedAttribute("benchmark", attribute, "benchmark, metric",
                "t.name = w.benchmark AND t.metric = w.metric");
    }

    String mergeSql() {
        return """
                UPDATE %1$s t SET %2$s = w.%2$s, %2$s_at = w.evaluated_at, %2$s_event = w.event_id
                FROM (SELECT DISTINCT ON (%3$s) %3$s, %2$s, evaluated_at, event_id
                      FROM incoming_result WHERE accepted AND %2$s IS NOT NULL
                      ORDER BY %3$s, evaluated_at DESC, event_id DESC) w
                WHERE %4$s
                  AND (t.%2$s_at IS NULL OR (t.%2$s_at, t.%2$s_event) < (w.evaluated_at, w.event_id))"""
                .formatted(table, attribute, stagingKey, joinCondition);
    }
}
