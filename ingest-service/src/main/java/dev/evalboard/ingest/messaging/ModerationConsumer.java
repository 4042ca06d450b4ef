package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.service.ModerationIngestor;
import dev.evalboard.ingest.service.TransientFailure;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code eval.moderation} one record at a time, in order (one partition, an ordered blocking method). The
 * record is acknowledged when it is applied and announced, or dead-lettered; during an outage it is held and retried
 * with back-off, like a batch of results, and nothing is dead-lettered for it.
 */
@ApplicationScoped
public class ModerationConsumer {
    static final String CHANNEL = "moderation";
    private static final Logger LOG = Logger.getLogger(ModerationConsumer.class);

    private final IngestConfig config;
    private final ModerationIngestor ingestor;
    private volatile boolean stopping;

    public ModerationConsumer(IngestConfig config, ModerationIngestor ingestor) {
        this.config = config;
        this.ingestor = ingestor;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<byte[], byte[]> record) {
        Backoff backoff = new Backoff(config.retryBackoffMin(), config.retryBackoffMax());
        while (true) {
            try {
                ingestor.apply(record);
                return;
            } catch (TransientFailure e) {
                LOG.warnf("holding moderation record %d@%d and retrying in %s: %s", record.partition(),
                        record.offset(), backoff.next(), e.getMessage());
                backoff.sleep();
                if (stopping) {
                    throw new ResultBatchConsumer.IngestStopping(1);
                }
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
