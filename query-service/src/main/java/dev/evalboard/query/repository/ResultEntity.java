package dev.evalboard.query.repository;

import dev.evalboard.contract.EventRules;
import dev.evalboard.contract.RunSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code result}: one accepted run (the history). Read-only; the Kafka position columns are not mapped. */
@Entity(name = "Result")
@Table(name = "result")
@Immutable
public class ResultEntity {
    @Id
    @Column(name = "event_id")
    String eventId;

    @Column(name = "model_id")
    long modelId;

    // Lazy: every query that needs the benchmark fetches it in the same statement (join fetch), never one by one.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "benchmark_id")
    BenchmarkEntity benchmark;

    double score;

    Double stderr;

    Long samples;

    @Column(name = "cost_usd")
    Double costUsd;

    @Column(name = "evaluated_at")
    Instant evaluatedAt;

    String source;

    @Column(name = "few_shot")
    Integer fewShot;

    @Column(name = "samples_total")
    Long samplesTotal;

    String harness;

    @Column(name = "harness_version")
    String harnessVersion;

    String commit;

    /** When ingest stored the run: what a snapshot ({@link Snapshot}) had by its instant. */
    @Column(name = "ingested_at")
    Instant ingestedAt;

    ModelRepository.Run toRun(boolean current) {
        // Through a method, not its fields: the benchmark may be a Hibernate proxy, whose own fields stay empty.
        Benchmark b = benchmark.toBenchmark();
        RunSettings settings = new RunSettings(fewShot, samplesTotal, harness, harnessVersion, commit);
        return new ModelRepository.Run(eventId, b.name(), b.metric(), b.version(), b.higherIsBetter(), b.unit(),
                score, stderr, samples, costUsd, evaluatedAt, source, current, settings.isEmpty() ? null : settings,
                EventRules.isPartial(samples, samplesTotal), null);
    }
}
