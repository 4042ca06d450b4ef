package dev.evalboard.devstack.bench;

import dev.evalboard.contract.EventRules;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * M models times B benchmarks of current results, generated set-based (generate_series, fixed seed) straight into
 * the result-store schema (model, benchmark, result and current_result, as ingest-service would leave them): models
 * {@code model-000001}.., benchmarks {@code bench-01}.. with metric pass@1, scores 0..100.
 */
final class GeneratedResults {

    private GeneratedResults() {
    }

    static void generate(Statement s, int models, int benchmarks) throws SQLException {
        s.execute("SELECT setseed(0.42)");
        // Sizes spread log-uniformly over 100M..1T; a third of the models are MoE with an active count.
        s.execute("""
                INSERT INTO model (name, parameters, active_parameters, openness, organization)
                SELECT 'model-' || lpad(i::text, 6, '0'),
                       p, CASE WHEN i % 3 = 0 THEN greatest(1, p / 8) END,
                       (ARRAY['closed', 'open-weights', 'open-weights-open-data'])[1 + i % 3],
                       'org-' || (i % 500)
                FROM (SELECT i, (10 ^ (8 + random() * 4))::bigint AS p FROM generate_series(1, $N) i) g
                ORDER BY i""".replace("$N", Integer.toString(models)));
        s.execute("""
                INSERT INTO benchmark (name, metric, higher_is_better, unit)
                SELECT 'bench-' || lpad(b::text, 2, '0'), '$METRIC', true, 'percent' FROM generate_series(1, $N) b
                ORDER BY b""".replace("$N", Integer.toString(benchmarks))
                .replace("$METRIC", EventRules.DEFAULT_METRIC));
        s.execute("""
                INSERT INTO result (event_id, model_id, benchmark_id, score, stderr, samples, cost_usd, evaluated_at,
                                    source)
                SELECT 'bench-' || m.id || '-' || b.id, m.id, b.id, round((random() * 100)::numeric, 2)::float8,
                       round((random() * 2)::numeric, 3)::float8, 500, round((random() * 50)::numeric, 2)::float8,
                       timestamptz '2025-01-01' + (m.id % 10000) * interval '1 minute', 'bench'
                FROM model m CROSS JOIN benchmark b""");
        s.execute("""
                INSERT INTO current_result (benchmark_id, model_id, event_id, score, stderr, samples, cost_usd,
                                            evaluated_at)
                SELECT benchmark_id, model_id, event_id, score, stderr, samples, cost_usd, evaluated_at FROM result""");
        s.execute("ANALYZE");
    }
}
