package dev.evalboard.ingest.repository;

/** How {@code benchmark.version} stores an event's {@code benchmarkVersion}: '' for none, so the unique key has no NULL. */
final class StoredVersion {

    private StoredVersion() {
    }

    static String toColumn(String benchmarkVersion) {
        return benchmarkVersion == null ? "" : benchmarkVersion;
    }

    static String fromColumn(String column) {
        return column == null || column.isEmpty() ? null : column;
    }
}
