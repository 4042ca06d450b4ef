package dev.evalboard.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The running best of one benchmark+metric over its whole history. Runs are ordered by evaluatedAt, then eventId
 * (byte-wise, as the result store compares them): at equal instants the larger eventId counts as later, as it does
 * for the current result. A run is a step when it is strictly better than every run before it. Retracted runs and
 * flagged models' runs do not count.
 */
@ApplicationScoped
public class ProgressRepository {

    /** One stored run of the benchmark. */
    public record Run(String eventId, String model, double score, Instant evaluatedAt) {
    }

    /** The latest {@code limit} steps in time order, how many steps there are, and how many runs in all. */
    public record Steps(List<Run> latest, long count, long runCount) {
    }

    // prior_best: the best score of every run before this one (NULL for the first run).
    private static final String WITH_PRIOR_BEST = """
            SELECT r.event_id, m.name AS model, r.score, r.evaluated_at, count(*) OVER () AS run_count,
                   %s(r.score) OVER (ORDER BY r.evaluated_at, r.event_id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prior_best
            FROM result r JOIN model m ON m.id = r.model_id
            WHERE r.benchmark_id = ? AND NOT EXISTS (SELECT 1 FROM retraction x WHERE x.event_id = r.event_id)
              AND NOT EXISTS (SELECT 1 FROM model_flag f WHERE f.model_name = m.name)""";

    private static final String IS_STEP = "(h.prior_best IS NULL OR h.score %s h.prior_best)";

    private final Jdbc jdbc;

    public ProgressRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Steps steps(Benchmark benchmark, int limit) {
        String sql = "SELECT h.*, count(*) OVER () AS step_count FROM (" + withPriorBest(benchmark) + ") h WHERE "
                + isStep(benchmark) + " ORDER BY h.evaluated_at DESC, h.event_id DESC LIMIT ?";
        // Both counts are the same on every row; one statement keeps them consistent with the steps.
        long[] counts = {0, 0};
        List<Run> newestFirst = jdbc.list(sql, List.of(benchmark.id(), limit), rs -> {
            counts[0] = rs.getLong("step_count");
            counts[1] = rs.getLong("run_count");
            return run(rs);
        });
        List<Run> inTimeOrder = new ArrayList<>(newestFirst);
        Collections.reverse(inTimeOrder);
        return new Steps(inTimeOrder, counts[0], counts[1]);
    }

    /**
     * At most {@code limit} runs that are not steps, in time order: the ones whose eventId hashes lowest, a fixed
     * sample that one more run changes by at most one.
     */
    public List<Run> otherRuns(Benchmark benchmark, int limit) {
        String sql = "SELECT s.* FROM (SELECT h.* FROM (" + withPriorBest(benchmark) + ") h WHERE NOT "
                + isStep(benchmark) + " ORDER BY md5(h.event_id), h.event_id LIMIT ?) s"
                + " ORDER BY s.evaluated_at, s.event_id";
        return jdbc.list(sql, List.of(benchmark.id(), limit), ProgressRepository::run);
    }

    private static String withPriorBest(Benchmark benchmark) {
        return WITH_PRIOR_BEST.formatted(benchmark.higherIsBetter() ? "max" : "min");
    }

    private static String isStep(Benchmark benchmark) {
        return IS_STEP.formatted(benchmark.higherIsBetter() ? ">" : "<");
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString("event_id"), rs.getString("model"), rs.getDouble("score"),
                Jdbc.instant(rs, "evaluated_at"));
    }
}
