package dev.evalboard.ingest.repository;

import dev.evalboard.contract.Violation;
import dev.evalboard.ingest.service.RefusedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How a benchmark is judged ({@code higherIsBetter}, {@code unit}) is settled by the first event that states it and
 * never changed by events after that: a later event that says otherwise is refused, so that no one publisher can
 * turn a board upside down. Each version of a benchmark is settled on its own. Within one batch, the earliest-dated statement (then the smaller eventId) comes first.
 */
final class BenchmarkSettlement {

    // Benchmarks still unsettled take the first statement of this batch; settled ones are left alone, and the batch's
    // events about settled benchmarks are not even aggregated (almost every batch after the first).
    static final String SETTLE = """
            UPDATE benchmark b SET
                higher_is_better = coalesce(b.higher_is_better, f.higher_is_better),
                higher_is_better_at = CASE WHEN b.higher_is_better IS NULL THEN f.higher_is_better_at
                                           ELSE b.higher_is_better_at END,
                higher_is_better_event = CASE WHEN b.higher_is_better IS NULL THEN f.higher_is_better_event
                                              ELSE b.higher_is_better_event END,
                unit = coalesce(b.unit, f.unit),
                unit_at = CASE WHEN b.unit IS NULL THEN f.unit_at ELSE b.unit_at END,
                unit_event = CASE WHEN b.unit IS NULL THEN f.unit_event ELSE b.unit_event END
            FROM (SELECT i.benchmark, i.metric, i.benchmark_version,
                    %s,
                    %s
                  FROM incoming_result i JOIN benchmark u
                      ON u.name = i.benchmark AND u.metric = i.metric AND u.version = i.benchmark_version
                  WHERE (u.higher_is_better IS NULL AND i.higher_is_better IS NOT NULL)
                     OR (u.unit IS NULL AND i.unit IS NOT NULL)
                  GROUP BY i.benchmark, i.metric, i.benchmark_version) f
            WHERE b.name = f.benchmark AND b.metric = f.metric AND b.version = f.benchmark_version
              AND ((b.higher_is_better IS NULL AND f.higher_is_better IS NOT NULL)
                   OR (b.unit IS NULL AND f.unit IS NOT NULL))""".formatted(firstOf("higher_is_better"),
            firstOf("unit"));

    // The events that contradict a settled attribute leave the batch before anything of theirs is stored.
    static final String REFUSE_CONTRADICTIONS = """
            DELETE FROM incoming_result i USING benchmark b
            WHERE b.name = i.benchmark AND b.metric = i.metric AND b.version = i.benchmark_version
              AND (i.higher_is_better <> b.higher_is_better OR i.unit <> b.unit)
            RETURNING i.kafka_partition, i.kafka_offset, i.higher_is_better <> b.higher_is_better AS judged_otherwise,
                      b.higher_is_better, b.unit, b.name, b.metric, b.version""";

    private BenchmarkSettlement() {
    }

    /** Settles new benchmarks and returns the events of this batch that contradict a settled benchmark. */
    static List<RefusedEvent> apply(Statement statement) throws SQLException {
        statement.executeUpdate(SETTLE);
        List<RefusedEvent> refused = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(REFUSE_CONTRADICTIONS)) {
            while (rs.next()) {
                boolean judgedOtherwise = rs.getBoolean("judged_otherwise");
                String version = StoredVersion.fromColumn(rs.getString("version"));
                String benchmark = "\"" + rs.getString("name") + "\" (" + rs.getString("metric")
                        + (version == null ? "" : ", version " + version) + ")";
                Violation violation = judgedOtherwise
                        ? new Violation("contradicts the settled direction of " + benchmark + ": higherIsBetter is "
                                + rs.getBoolean("higher_is_better"), "/higherIsBetter")
                        : new Violation("contradicts the settled unit of " + benchmark + ": unit is "
                                + rs.getString("unit"), "/unit");
                refused.add(new RefusedEvent(rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), violation));
            }
        }
        return refused;
    }

    /** The value, instant and eventId of the earliest event in the batch that states the attribute. */
    private static String firstOf(String a) {
        String first = " ORDER BY i.evaluated_at, i.event_id) FILTER (WHERE i." + a + " IS NOT NULL))[1] AS ";
        return "(array_agg(i." + a + first + a + ",\n"
                + "(array_agg(i.evaluated_at" + first + a + "_at,\n"
                + "(array_agg(i.event_id" + first + a + "_event";
    }
}
