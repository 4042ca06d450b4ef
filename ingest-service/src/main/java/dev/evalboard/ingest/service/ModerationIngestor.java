package dev.evalboard.ingest.service;

import dev.evalboard.contract.ModerationParser;
import dev.evalboard.contract.ModerationRecord;
import dev.evalboard.contract.Violation;
import dev.evalboard.ingest.messaging.ChangeFeedPublisher;
import dev.evalboard.ingest.messaging.DeadLetterPublisher;
import dev.evalboard.ingest.repository.ModerationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies one moderation record: a bad one goes to the dead-letter topic, a good one to the database and then the
 * change feed. Returns normally only when the record is applied and announced, or dead-lettered.
 */
@ApplicationScoped
public class ModerationIngestor {
    private static final Logger LOG = Logger.getLogger(ModerationIngestor.class);

    private final ModerationParser parser = new ModerationParser();
    private final ModerationStore store;
    private final DeadLetterPublisher deadLetters;
    private final ChangeFeedPublisher changes;

    public ModerationIngestor(ModerationStore store, DeadLetterPublisher deadLetters, ChangeFeedPublisher changes) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.changes = changes;
    }

    /** @throws TransientFailure when the record must be retried later (the database or the broker is away) */
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        ModerationRecord.Parsed parsed = parser.parse(record.value());
        if (parsed instanceof ModerationRecord.Rejected rejected) {
            deadLetters.publish(List.of(new RejectedRecord(record, rejected.violation())));
            return;
        }
        ModerationRecord moderation = ((ModerationRecord.Accepted) parsed).record();
        ModerationOutcome outcome;
        try {
            outcome = store.apply(moderation, record.partition(), record.offset());
        } catch (SQLException e) {
            if (!BatchIngestor.isDataError(e)) {
                throw new TransientFailure("the database is unavailable: " + e.getMessage(), e);
            }
            deadLetters.publish(List.of(new RejectedRecord(record,
                    Violation.ofWholeRecord("the database refused the record: " + e.getMessage()))));
            return;
        }
        LOG.infof("applied %s at %s-%d@%d", moderation, record.topic(), record.partition(), record.offset());
        changes.publish(outcome.change());
    }
}
