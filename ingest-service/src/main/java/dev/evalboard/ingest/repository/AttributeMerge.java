package dev.evalboard.ingest.repository;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Merges attributes that the most recent event stating them decides (by evaluatedAt, then eventId), as the contract
 * says of model attributes. The table keeps {@code <attribute>_at} and {@code <attribute>_event} for the event that
 * set each attribute, so an older event arriving late changes nothing. Rows new to the table are inserted with their
 * attributes ({@link #insertNewSql}), the others merged by one UPDATE ({@link #mergeSql}): PostgreSQL applies only the
 * first of several updates to a row in one statement, and each extra statement writes the row again.
 *
 * @param table the table of the attributes, keyed by the columns {@code key}
 * @param stagedKey the staging table's columns that name the row of {@code table}, in the order of {@code key}
 */
record AttributeMerge(String table, List<String> key, List<String> stagedKey, List<String> attributes) {

    /** Inserts the rows the table does not have yet, each with the batch's most recent statement of each attribute. */
    String insertNewSql() {
        String columns = attributes.stream().map(a -> "%1$s, %1$s_at, %1$s_event".formatted(a))
                .collect(Collectors.joining(", "));
        // Sorted so that two ingest instances lock new keys in the same order.
        return """
                INSERT INTO %1$s (%2$s, %3$s)
                SELECT %4$s,
                %5$s
                FROM incoming_result GROUP BY %4$s ORDER BY %4$s
                ON CONFLICT (%2$s) DO NOTHING""".formatted(table, String.join(", ", key), columns,
                String.join(", ", stagedKey), latestOfEach());
    }

    /**
     * The UPDATE of the rows that a statement of the batch is more recent for, returning each updated row's id and
     * whether a value (not only the bookkeeping) changed: the self-join {@code old} reads the row as it was before
     * the statement. Rows {@link #insertNewSql} just wrote hold the batch's latest statements already: not updated.
     */
    String mergeSql() {
        String assignments = attributes.stream().map(AttributeMerge::assignments)
                .collect(Collectors.joining(",\n"));
        String anyNewer = attributes.stream().map(AttributeMerge::isNewer).collect(Collectors.joining(" OR "));
        String anyValueChanged = attributes.stream().map(a -> "old.%1$s IS DISTINCT FROM t.%1$s".formatted(a))
                .collect(Collectors.joining(" OR "));
        return """
                UPDATE %1$s t SET
                %2$s
                FROM (SELECT %3$s,
                %4$s
                      FROM incoming_result GROUP BY %3$s) w, %1$s old
                WHERE %5$s AND old.id = t.id AND (%6$s)
                RETURNING t.id, (%7$s) AS value_changed""".formatted(table, assignments,
                String.join(", ", stagedKey), latestOfEach(), keysMatch(), anyNewer, anyValueChanged);
    }

    private String keysMatch() {
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            match.append(i == 0 ? "" : " AND ").append("t.").append(key.get(i)).append(" = w.")
                    .append(stagedKey.get(i));
        }
        return match.toString();
    }

    private String latestOfEach() {
        return attributes.stream().map(AttributeMerge::latestOf).collect(Collectors.joining(",\n"));
    }

    /** The value, instant and eventId of the most recent event in the batch that states the attribute. */
    private static String latestOf(String a) {
        String latest = " ORDER BY evaluated_at DESC, event_id DESC) FILTER (WHERE " + a + " IS NOT NULL))[1] AS ";
        return "(array_agg(" + a + latest + a + ",\n"
                + "(array_agg(evaluated_at" + latest + a + "_at,\n"
                + "(array_agg(event_id" + latest + a + "_event";
    }

    private static String isNewer(String a) {
        return "(w.%1$s_at IS NOT NULL AND (t.%1$s_at IS NULL OR (t.%1$s_at, t.%1$s_event) < (w.%1$s_at, w.%1$s_event)))"
                .formatted(a);
    }

    private static String assignments(String a) {
        String newer = isNewer(a);
        return List.of("", "_at", "_event").stream()
                .map(suffix -> "%1$s%2$s = CASE WHEN %3$s THEN w.%1$s%2$s ELSE t.%1$s%2$s END"
                        .formatted(a, suffix, newer))
                .collect(Collectors.joining(",\n"));
    }
}
