package dev.evalboard.ingest.health;

import dev.evalboard.ingest.repository.DurabilitySettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Logs the database's durability settings at start-up and shows them in readiness. A risky setting is a warning,
 * not a failure: the operator may have chosen it, and refusing to ingest would not make anything safer.
 */
@Readiness
@ApplicationScoped
public class DurabilityCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class);
    private static final String NAME = "Database durability";

    private final DurabilitySettings settings;

    public DurabilityCheck(DurabilitySettings settings) {
        this.settings = settings;
    }

    void logAtStart(@Observes StartupEvent event) {
        try {
            DurabilitySettings.Values values = settings.read();
            if (values.risk() == null) {
                LOG.infof("database durability: %s", values);
            } else {
                LOG.warnf("database durability: %s. %s", values, values.risk());
            }
        } catch (SQLException e) {
            LOG.warnf("cannot read the database's durability settings yet (%s); readiness shows them", e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            DurabilitySettings.Values values = settings.read();
            response.up().withData("synchronous_commit", values.synchronousCommit()).withData("fsync", values.fsync());
            if (values.risk() != null) {
                response.withData("warning", values.risk());
            }
        } catch (SQLException e) {
            response.down().withData("error", "cannot read the settings: " + e.getMessage());
        }
        return response.build();
    }
}
