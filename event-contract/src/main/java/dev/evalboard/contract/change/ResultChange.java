package dev.evalboard.contract.change;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One record of the change feed ({@code eval.changes}): what a committed ingest batch touched, and the primary's WAL
 * position once it was committed. A reader on a standby waits until it has replayed {@code lsn} before it treats the
 * change as visible. A batch delivered again publishes again, so a change is never lost, only repeated.
 *
 * @param lsn        {@code pg_current_wal_flush_lsn()} after the commit, as PostgreSQL writes it ({@code 0/16B3748})
 * @param benchmarks the boards whose answers may differ: those with results in the batch, and those on which a model
 *                   whose attributes changed has a result
 * @param models     the models with results in the batch (their pages and histories), unless {@code allModels}
 * @param allModels  true when the batch touched more than {@link #MAX_MODELS} models: treat every model as changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultChange(int schemaVersion, String lsn, List<Benchmark> benchmarks, List<String> models,
        boolean allModels) {
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_MODELS = 1_000;
    private static final Pattern LSN = Pattern.compile("[0-9A-F]{1,8}/[0-9A-F]{1,8}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A benchmark as boards know it: its name and metric, and its version when it has one (null otherwise, and then
     * left out of the JSON, so that records without versions read as before). Readers key their caches by
     * {@link #board()}: a change to one version of a benchmark is taken as a change to all of its versions.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Benchmark(String name, String metric, @JsonInclude(JsonInclude.Include.NON_NULL) String version) {
        public Benchmark {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metric, "metric");
        }

        /** A benchmark without a version, or every version of it as a reader's cache key. */
        public Benchmark(String name, String metric) {
            this(name, metric, null);
        }

        /** The name and metric alone: what a reader's cached answers are keyed by. */
        public Benchmark board() {
            return version == null ? this : new Benchmark(name, metric);
        }
    }

    public ResultChange {
        if (lsn == null || !LSN.matcher(lsn).matches()) {
            throw new IllegalArgumentException("not a WAL position: " + lsn);
        }
        benchmarks = List.copyOf(benchmarks == null ? List.of() : benchmarks);
        models = List.copyOf(models == null ? List.of() : models);
    }

    /** The change of a batch; more than {@link #MAX_MODELS} models are summed up as {@code allModels}. */
    public static ResultChange of(String lsn, Collection<Benchmark> benchmarks, Collection<String> models) {
        boolean all = models.size() > MAX_MODELS;
        return new ResultChange(SCHEMA_VERSION, lsn, List.copyOf(benchmarks), all ? List.of() : List.copyOf(models),
                all);
    }

    /**
     * Several changes read together as one: every benchmark and model they name, at the furthest WAL position among
     * them (records of parallel ingest consumers need not arrive in WAL order).
     */
    public static ResultChange merged(List<ResultChange> changes) {
        if (changes.size() == 1) {
            return changes.get(0);
        }
        String lsn = changes.stream().map(ResultChange::lsn).max(Comparator.comparingLong(ResultChange::walPosition))
                .orElseThrow(() -> new IllegalArgumentException("no change to merge"));
        LinkedHashSet<Benchmark> benchmarks = new LinkedHashSet<>();
        LinkedHashSet<String> models = new LinkedHashSet<>();
        boolean allModels = false;
        for (ResultChange change : changes) {
            benchmarks.addAll(change.benchmarks());
            models.addAll(change.models());
            allModels |= change.allModels();
        }
        return allModels ? new ResultChange(SCHEMA_VERSION, lsn, List.copyOf(benchmarks), List.of(), true)
                : of(lsn, benchmarks, models);
    }

    /** A WAL position as a number: PostgreSQL writes it as two 32-bit halves in hex, so text order is not WAL order. */
    static long walPosition(String lsn) {
        int slash = lsn.indexOf('/');
        return Long.parseLong(lsn, 0, slash, 16) << 32 | Long.parseLong(lsn, slash + 1, lsn.length(), 16);
    }

    public boolean touchesModel(String model) {
        return allModels || models.contains(model);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a change record always serializes", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a change record of a version this code reads */
    public static ResultChange fromJson(byte[] json) {
        try {
            ResultChange change = JSON.readValue(json, ResultChange.class);
            if (change.schemaVersion() != SCHEMA_VERSION) {
                throw new IllegalArgumentException("change record of schema version " + change.schemaVersion());
            }
            return change;
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("not a change record: " + e.getMessage(), e);
        }
    }
}
