package dev.evalboard.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** The ingest meters exposed at /q/metrics. */
@ApplicationScoped
public class IngestMetrics {
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter cutDownDeadLetters;
    private final Counter unsendableDeadLetters;
    private final Counter heldBatches;
    private final DistributionSummary batchSize;
    private final AtomicLong consumerLag = new AtomicLong();
    private final Timer parsing;
    private final Timer storing;
    private final Timer deadLettering;
    private final Timer announcing;

    public IngestMetrics(MeterRegistry registry) {
        accepted = outcome(registry, "accepted", "new events stored");
        duplicates = outcome(registry, "duplicate", "events whose eventId was already stored");
        rejected = outcome(registry, "rejected", "invalid records sent to the dead-letter topic");
        cutDownDeadLetters = Counter.builder("evalboard.ingest.dead.letters.cut.down")
                .description("dead letters the topic took only cut down (too large or invalid as they came)")
                .register(registry);
        unsendableDeadLetters = Counter.builder("evalboard.ingest.dead.letters.unsendable")
                .description("rejected records the dead-letter topic refused even bare; logged and skipped")
                .register(registry);
        heldBatches = Counter.builder("evalboard.ingest.batches.held")
                .description("times a batch was held for retry because the database or the broker was away")
                .register(registry);
        batchSize = DistributionSummary.builder("evalboard.ingest.batch.size")
                .description("records per poll, each poll one transaction").register(registry);
        parsing = phase(registry, "parse", "parsing and validating a batch's records");
        storing = phase(registry, "store", "the database transaction of a batch");
        deadLettering = phase(registry, "dead-letter", "sending a batch's rejected records and awaiting the acks");
        announcing = phase(registry, "announce", "publishing a batch's change to the change feed");
        Gauge.builder("evalboard.ingest.consumer.lag", consumerLag, AtomicLong::get)
                .description("records not yet consumed, summed over the assigned partitions").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("evalboard.ingest.events").tag("outcome", outcome).description(description)
                .register(registry);
    }

    private static Timer phase(MeterRegistry registry, String phase, String description) {
        return Timer.builder("evalboard.ingest.batch.phase").tag("phase", phase).description(description)
                .register(registry);
    }

    Timer parsing() {
        return parsing;
    }

    Timer storing() {
        return storing;
    }

    Timer deadLettering() {
        return deadLettering;
    }

    Timer announcing() {
        return announcing;
    }

    void recordBatch(int records, StoreOutcome stored, int rejectedRecords) {
        batchSize.record(records);
        accepted.increment(stored.accepted());
        duplicates.increment(stored.duplicates());
        rejected.increment(rejectedRecords);
    }

    public void recordCutDownDeadLetter() {
        cutDownDeadLetters.increment();
    }

    public void recordUnsendableDeadLetter() {
        unsendableDeadLetters.increment();
    }

    public void recordHeldBatch() {
        heldBatches.increment();
    }

    public void recordLag(long lag) {
        consumerLag.set(lag);
    }
}
