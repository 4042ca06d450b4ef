package dev.evalboard.query.repository;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says which role the service logs in as. Using {@link DatabaseLogin} here is also what makes Quarkus check it when
 * the configuration is read, before anything connects.
 */
@ApplicationScoped
class DatabaseLoginReport {
    private static final Logger LOG = Logger.getLogger(DatabaseLoginReport.class);

    void onStart(@Observes StartupEvent event, DatabaseLogin login) {
        LOG.infof("PostgreSQL login: %s", login.username());
    }
}
