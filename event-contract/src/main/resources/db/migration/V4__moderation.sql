-- Moderation (eval.moderation, docs/contract.md "Moderation"): written by ingest-service only, read by query-service.

-- The models flagged now, by name: a flag may arrive before the model's first result. Boards leave them out.
CREATE TABLE model_flag (
    model_name text PRIMARY KEY,
    reason     text NOT NULL,
    url        text,
    flagged_at timestamptz NOT NULL
);

-- Retracted runs, by eventId: a retraction may arrive before its result, which then never becomes current.
CREATE TABLE retraction (
    event_id     text COLLATE "C" PRIMARY KEY,
    reason       text NOT NULL,
    retracted_at timestamptz NOT NULL
);

-- Every applied moderation record, with where it was read and when: the history, from which the flags and
-- retractions as of any instant can be rebuilt. A record delivered again meets its own (partition, offset) here and
-- is not applied twice.
CREATE TABLE moderation_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action          text NOT NULL CHECK (action IN ('flag', 'unflag', 'retract')),
    model_name      text,
    event_id        text COLLATE "C",
    reason          text,
    url             text,
    kafka_partition integer NOT NULL,
    kafka_offset    bigint NOT NULL,
    ingested_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kafka_partition, kafka_offset)
);
CREATE INDEX moderation_log_model_idx ON moderation_log (model_name, ingested_at);
CREATE INDEX moderation_log_event_idx ON moderation_log (event_id);
