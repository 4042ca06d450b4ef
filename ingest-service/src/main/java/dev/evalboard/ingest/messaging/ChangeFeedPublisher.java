package dev.evalboard.ingest.messaging;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.ingest.service.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Announces a committed batch on the change feed and waits for the broker's acknowledgement, before the batch's
 * offsets are committed: a crash in between delivers the batch again, which announces it again.
 */
@ApplicationScoped
public class ChangeFeedPublisher {
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<byte[]> changes;

    public ChangeFeedPublisher(@Channel("changes") Emitter<byte[]> changes) {
        this.changes = changes;
    }

    /** @throws TransientFailure when the broker did not acknowledge the change */
    public void publish(ResultChange change) {
        try {
            changes.send(change.toJson()).toCompletableFuture().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new TransientFailure("the change feed did not take the batch's change: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while announcing a change", e);
        }
    }
}
