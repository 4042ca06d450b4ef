-- Snapshots (asOf): a board as it was at an instant is rebuilt from the history ingested by then, so the history
-- keeps what each run's event stated of its model and benchmark. A model's attributes (and a benchmark's baseline)
-- as of an instant follow the same rule as today's: the most recent statement (by evaluatedAt, then eventId) among
-- the runs ingested by then. NULL: the event did not state it.
ALTER TABLE result
    ADD COLUMN parameters        bigint CHECK (parameters >= 1),
    ADD COLUMN active_parameters bigint CHECK (active_parameters >= 1),
    ADD COLUMN openness          text CHECK (openness IN ('closed', 'open-weights', 'open-weights-open-data')),
    ADD COLUMN organization      text,
    ADD COLUMN baseline          double precision CHECK (baseline >= 0 AND baseline < 100);

-- Runs ingested before this migration: what the deciding events stated is known (the *_event columns name them);
-- the statements of the other runs were not kept.
UPDATE result r SET parameters = m.parameters FROM model m WHERE m.parameters_event = r.event_id;
UPDATE result r SET active_parameters = m.active_parameters FROM model m WHERE m.active_parameters_event = r.event_id;
UPDATE result r SET openness = m.openness FROM model m WHERE m.openness_event = r.event_id;
UPDATE result r SET organization = m.organization FROM model m WHERE m.organization_event = r.event_id;
UPDATE result r SET baseline = b.baseline FROM benchmark b WHERE b.baseline_event = r.event_id;
