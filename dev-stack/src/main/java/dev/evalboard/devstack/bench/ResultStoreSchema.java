package dev.evalboard.devstack.bench;

import org.flywaydb.core.Flyway;

/** The result-store schema of event-contract's migrations, applied by Flyway as ingest-service applies it. */
final class ResultStoreSchema {

    private ResultStoreSchema() {
    }

    static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
    }
}
