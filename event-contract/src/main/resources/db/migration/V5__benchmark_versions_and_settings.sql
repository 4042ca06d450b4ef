-- A benchmark's version is part of its identity with its name and metric: two versions are two boards, each with
-- its own settled direction and unit, its own baseline, and its own results. '' is "no version" (events without
-- benchmarkVersion), so that the unique key needs no NULL handling.
ALTER TABLE benchmark ADD COLUMN version text NOT NULL DEFAULT '';
ALTER TABLE benchmark DROP CONSTRAINT benchmark_name_metric_key;
ALTER TABLE benchmark ADD CONSTRAINT benchmark_name_metric_version_key UNIQUE (name, metric, version);

-- How each run was made (the event's settings); NULL where the event did not say.
ALTER TABLE result
    ADD COLUMN few_shot        integer CHECK (few_shot BETWEEN 0 AND 10000),
    ADD COLUMN samples_total   bigint CHECK (samples_total >= 1),
    ADD COLUMN harness         text,
    ADD COLUMN harness_version text,
    ADD COLUMN commit          text,
    -- samples < samplesTotal, decided once by event-contract (EventRules.isPartial) when the run is ingested: a
    -- retraction that makes an earlier run current again takes its flag from here.
    ADD COLUMN partial         boolean NOT NULL DEFAULT false;

-- A partial current result (samples < samplesTotal, event-contract's EventRules.isPartial) is left out of ranks by
-- default. Few results are partial: the partial index lets a board subtract them from the counted total in a few
-- probes, and the rankers skip them by a filter on the rows they read anyway.
ALTER TABLE current_result ADD COLUMN partial boolean NOT NULL DEFAULT false;
CREATE INDEX current_result_partial_idx ON current_result (benchmark_id) WHERE partial;
