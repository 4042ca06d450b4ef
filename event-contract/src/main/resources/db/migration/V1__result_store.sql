-- The result store: written by ingest-service only, read by query-service.
-- Ordering columns named *_event hold eventIds compared byte-wise (COLLATE "C"), so that
-- "ties are broken by the larger eventId" means the same thing in every locale.

CREATE TABLE model (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                    text NOT NULL UNIQUE,
    -- Each attribute comes from the model's most recent event (by evaluatedAt, then eventId) that carried it;
    -- *_at and *_event record which event that was, so any arrival order converges.
    parameters              bigint CHECK (parameters >= 1),
    parameters_at           timestamptz,
    parameters_event        text COLLATE "C",
    active_parameters       bigint CHECK (active_parameters >= 1),
    active_parameters_at    timestamptz,
    active_parameters_event text COLLATE "C",
    openness                text CHECK (openness IN ('closed', 'open-weights', 'open-weights-open-data')),
    openness_at             timestamptz,
    openness_event          text COLLATE "C",
    organization            text,
    organization_at         timestamptz,
    organization_event      text COLLATE "C",
    created_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE benchmark (
    id                     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                   text NOT NULL,
    metric                 text NOT NULL,
    -- NULL until an event states it; readers default to true / 'percent'.
    higher_is_better       boolean,
    higher_is_better_at    timestamptz,
    higher_is_better_event text COLLATE "C",
    unit                   text CHECK (unit IN ('percent', 'raw')),
    unit_at                timestamptz,
    unit_event             text COLLATE "C",
    UNIQUE (name, metric)
);

-- Every accepted run (the history); eventId makes redelivery a no-op.
CREATE TABLE result (
    event_id        text COLLATE "C" PRIMARY KEY,
    model_id        bigint NOT NULL REFERENCES model (id),
    benchmark_id    integer NOT NULL REFERENCES benchmark (id),
    score           double precision NOT NULL,
    stderr          double precision,
    samples         bigint,
    cost_usd        double precision,
    evaluated_at    timestamptz NOT NULL,
    source          text,
    kafka_partition integer,
    kafka_offset    bigint,
    ingested_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX result_history_idx ON result (model_id, benchmark_id, evaluated_at DESC, event_id DESC);

-- The current result per (model, benchmark+metric): the accepted event with the latest evaluatedAt,
-- ties broken by the larger eventId. Derived from result in the same transaction that writes result, whose
-- foreign keys already guard the ids; repeating them here would double the per-row trigger work of every batch.
CREATE TABLE current_result (
    benchmark_id integer NOT NULL,
    model_id     bigint NOT NULL,
    event_id     text COLLATE "C" NOT NULL,
    score        double precision NOT NULL,
    stderr       double precision,
    samples      bigint,
    cost_usd     double precision,
    evaluated_at timestamptz NOT NULL,
    PRIMARY KEY (benchmark_id, model_id)
);
-- Leaderboards read one benchmark in score order; model pages read one model's results.
CREATE INDEX current_result_score_idx ON current_result (benchmark_id, score DESC);
CREATE INDEX current_result_model_idx ON current_result (model_id);
