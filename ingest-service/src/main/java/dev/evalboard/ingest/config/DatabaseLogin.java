package dev.evalboard.ingest.config;

import io.smallrye.config.ConfigMapping;

/**
 * The database login, which must be given: there is no default (least of all the superuser). Quarkus treats its own
 * {@code quarkus.datasource.username} as optional and would connect without one; this mapping is required, so a
 * missing {@code QUARKUS_DATASOURCE_USERNAME} or {@code QUARKUS_DATASOURCE_PASSWORD} stops the start with a message
 * naming it.
 */
@ConfigMapping(prefix = "evalboard.datasource")
public interface DatabaseLogin {
    String username();

    String password();
}
