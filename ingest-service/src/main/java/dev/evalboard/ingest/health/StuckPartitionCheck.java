package dev.evalboard.ingest.health;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.messaging.PartitionProgress;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Down while a partition has records waiting and has committed nothing for {@code evalboard.ingest.stall-after}. */
@Readiness
@ApplicationScoped
public class StuckPartitionCheck implements HealthCheck {
    private final PartitionProgress progress;
    private final IngestConfig config;

    public StuckPartitionCheck(PartitionProgress progress, IngestConfig config) {
        this.progress = progress;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var stuck = progress.stuckLongerThan(config.stallAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Ingest progress").status(stuck.isEmpty());
        stuck.forEach((partition, s) -> response.withData(partition,
                String.format("%d records waiting, nothing committed for %d s", s.lag(), s.since().toSeconds())));
        return response.build();
    }
}
