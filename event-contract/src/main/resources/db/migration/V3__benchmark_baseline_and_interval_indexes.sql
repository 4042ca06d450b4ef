-- A benchmark's random baseline (the score of guessing, in percent), which the table's "normalized" aggregate
-- rescales scores against. Like model attributes, the most recent event that states it decides (by evaluatedAt,
-- then eventId): a baseline is a correction anyone may need to make, and it never turns a board upside down.
ALTER TABLE benchmark
    ADD COLUMN baseline       double precision CHECK (baseline >= 0 AND baseline < 100),
    ADD COLUMN baseline_at    timestamptz,
    ADD COLUMN baseline_event text COLLATE "C";

-- The two ends of each current result's 95% confidence interval (score -/+ 1.96 standard errors, the score alone
-- without one), as event-contract's ConfidenceRanks.LOW_SQL and HIGH_SQL write them: a leaderboard page counts, for
-- its ciRank, the results whose interval lies beyond its own, and pages sort=ciRank, from these indexes.
CREATE INDEX current_result_ci_low_idx
    ON current_result (benchmark_id, (score - 1.96::float8 * coalesce(stderr, 0::float8)));
CREATE INDEX current_result_ci_high_idx
    ON current_result (benchmark_id, (score + 1.96::float8 * coalesce(stderr, 0::float8)));
