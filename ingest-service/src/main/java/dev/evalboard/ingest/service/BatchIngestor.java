package dev.evalboard.ingest.service;

import dev.evalboard.contract.ParseResult;
import dev.evalboard.contract.ResultEventParser;
import dev.evalboard.contract.Violation;
import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.ingest.config.IngestConfig;
import dev.evalboard.ingest.messaging.ChangeFeedPublisher;
import dev.evalboard.ingest.messaging.DeadLetterPublisher;
import dev.evalboard.ingest.repository.ResultStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Turns one poll's records into stored events and dead letters. Returns normally only when every record is either
 * in the database or acknowledged by the dead-letter topic, so that its offset may be committed.
 */
@ApplicationScoped
public class BatchIngestor {
    private static final Logger LOG = Logger.getLogger(BatchIngestor.class);

    private final ResultEventParser parser;
    private final ResultStore store;
    private final DeadLetterPublisher deadLetters;
    private final ChangeFeedPublisher changes;
    private final IngestMetrics metrics;

    public BatchIngestor(ResultStore store, DeadLetterPublisher deadLetters, ChangeFeedPublisher changes,
            IngestMetrics metrics, IngestConfig config) {
        this.parser = new ResultEventParser(config.parserSettings(), Clock.systemUTC());
        this.store = store;
        this.deadLetters = deadLetters;
        this.changes = changes;
        this.metrics = metrics;
    }

    /** @throws TransientFailure when the batch must be retried later, with nothing committed */
    public void ingest(List<ConsumerRecord<byte[], byte[]>> records) {
        List<IncomingResult> valid = new ArrayList<>(records.size());
        List<RejectedRecord> rejected = new ArrayList<>();
        metrics.parsing().record(() -> parseAll(records, valid, rejected));
        StoreOutcome stored = metrics.storing().record(() -> storeIsolatingPoison(valid, rejected, records));
        for (RefusedEvent refused : stored.refused()) {
            rejected.add(new RejectedRecord(recordAt(records, refused.partition(), refused.offset()),
                    refused.violation()));
        }
        metrics.deadLettering().record(() -> deadLetters.publish(rejected));
        if (stored.walPosition() != null) {
            metrics.announcing().record(() -> changes.publish(change(valid, stored)));
        }
        metrics.recordBatch(records.size(), stored, rejected.size());
    }

    private void parseAll(List<ConsumerRecord<byte[], byte[]>> records, List<IncomingResult> valid,
            List<RejectedRecord> rejected) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ParseResult result = parser.parse(record.value(), recordTime(record));
            if (result instanceof ParseResult.Accepted accepted) {
                valid.add(new IncomingResult(accepted.event(), record.partition(), record.offset()));
            } else if (result instanceof ParseResult.Rejected bad) {
                rejected.add(new RejectedRecord(record, bad.violation()));
            }
        }
    }

    private StoreOutcome storeIsolatingPoison(List<IncomingResult> valid, List<RejectedRecord> rejected,
            List<ConsumerRecord<byte[], byte[]>> records) {
        try {
            return store.store(valid);
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw new TransientFailure("the database is unavailable: " + e.getMessage(), e);
            }
            // A valid event the database still refuses would otherwise block its partition for ever:
            // store one by one and send the refused ones to the dead-letter topic.
            LOG.warnf("the database refused a batch (%s); storing its %d events one by one", e.getMessage(),
                    valid.size());
            return storeOneByOne(valid, rejected, records);
        }
    }

    private StoreOutcome storeOneByOne(List<IncomingResult> valid, List<RejectedRecord> rejected,
            List<ConsumerRecord<byte[], byte[]>> records) {
        StoreOutcome outcome = StoreOutcome.NOTHING;
        for (IncomingResult incoming : valid) {
            try {
                outcome = outcome.plus(store.store(List.of(incoming)));
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    throw new TransientFailure("the database is unavailable: " + e.getMessage(), e);
                }
                rejected.add(new RejectedRecord(recordAt(records, incoming.partition(), incoming.offset()),
                        Violation.ofWholeRecord("the database refused the event: " + e.getMessage())));
            }
        }
        return outcome;
    }

    private static ConsumerRecord<byte[], byte[]> recordAt(List<ConsumerRecord<byte[], byte[]>> records,
            int partition, long offset) {
        return records.stream().filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow();
    }

    /** SQLSTATE classes 22 (data exception) and 23 (integrity violation) are about the rows, not the server. */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * What the batch changed, from its valid events rather than from what the store newly accepted: a batch
     * delivered again after a crash (all duplicates) must announce its change again, in case the first announcement
     * never went out.
     */
    private static ResultChange change(List<IncomingResult> valid, StoreOutcome stored) {
        Set<ResultChange.Benchmark> benchmarks = new LinkedHashSet<>(stored.boardsOfChangedModels());
        Set<String> models = new LinkedHashSet<>();
        Set<IncomingResult.Position> refused = new HashSet<>();
        stored.refused().forEach(r -> refused.add(r.position()));
        for (IncomingResult incoming : valid) {
            if (!refused.contains(incoming.position())) {
                benchmarks.add(new ResultChange.Benchmark(incoming.event().benchmark(), incoming.event().metric(),
                        incoming.event().benchmarkVersion()));
                models.add(incoming.event().model().name());
            }
        }
        return ResultChange.of(stored.walPosition(), benchmarks, models);
    }

    private static Instant recordTime(ConsumerRecord<byte[], byte[]> record) {
        return record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
    }
}
