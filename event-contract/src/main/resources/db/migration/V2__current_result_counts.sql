-- The number of current results per benchmark, and the latest evaluatedAt among them, kept by triggers in the
-- transaction that changes current_result: a leaderboard's total and the benchmark list then read a few rows
-- instead of counting a benchmark's 100,000 results on every uncached request. A writer adds to one of 16 rows per
-- benchmark, chosen by its backend process, so that concurrent ingest instances rarely wait on one another's lock;
-- a statement locks its rows in benchmark order, so writers that change current_result in one statement per
-- transaction, as ingest does, never deadlock on them. Readers sum the rows of a benchmark.
CREATE TABLE current_result_count (
    benchmark_id integer NOT NULL,
    slot         smallint NOT NULL,
    results      bigint NOT NULL,
    last_update  timestamptz,
    PRIMARY KEY (benchmark_id, slot)
);

INSERT INTO current_result_count (benchmark_id, slot, results, last_update)
SELECT benchmark_id, 0, count(*), max(evaluated_at) FROM current_result GROUP BY benchmark_id;

-- Inserts add to the count; updates (a newer result of a model) only move last_update; deletes subtract. A
-- result's evaluated_at only grows on update, so the maximum is kept exactly without rereading the table.
CREATE FUNCTION count_current_results() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO current_result_count AS t (benchmark_id, slot, results)
        SELECT benchmark_id, (pg_backend_pid() % 16)::smallint, -count(*) FROM old_rows
        GROUP BY benchmark_id ORDER BY benchmark_id
        ON CONFLICT (benchmark_id, slot) DO UPDATE SET results = t.results + excluded.results;
    ELSE
        INSERT INTO current_result_count AS t (benchmark_id, slot, results, last_update)
        SELECT benchmark_id, (pg_backend_pid() % 16)::smallint,
               CASE WHEN TG_OP = 'INSERT' THEN count(*) ELSE 0 END, max(evaluated_at) FROM new_rows
        GROUP BY benchmark_id ORDER BY benchmark_id
        ON CONFLICT (benchmark_id, slot) DO UPDATE SET results = t.results + excluded.results,
            last_update = greatest(t.last_update, excluded.last_update);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER current_result_inserted AFTER INSERT ON current_result
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_current_results();
CREATE TRIGGER current_result_updated AFTER UPDATE ON current_result
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_current_results();
CREATE TRIGGER current_result_deleted AFTER DELETE ON current_result
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_current_results();
