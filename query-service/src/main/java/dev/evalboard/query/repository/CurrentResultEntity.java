package dev.evalboard.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code current_result}: which run is a model's current one on a benchmark+metric. Only the keys are
 * mapped; the scores it copies are read by the ranking SQL ({@link ScoreRepository}), not through here.
 */
@Entity(name = "CurrentResult")
@Table(name = "current_result")
@IdClass(CurrentResultEntity.Key.class)
@Immutable
public class CurrentResultEntity {
    @Id
    @Column(name = "benchmark_id")
    int benchmarkId;

    @Id
    @Column(name = "model_id")
    long modelId;

    @Column(name = "event_id")
    String eventId;

    /** The primary key, (benchmark_id, model_id). */
    public static class Key implements Serializable {
        int benchmarkId;
        long modelId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.benchmarkId == benchmarkId && key.modelId == modelId;
        }

        @Override
        public int hashCode() {
            return 31 * benchmarkId + Long.hashCode(modelId);
        }
    }
}
