package dev.evalboard.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code benchmark}: one benchmark+metric+version. Read-only; direction and unit are NULL until an event states them.
 */
@Entity(name = "Benchmark")
@Table(name = "benchmark")
@Immutable
public class BenchmarkEntity {
    /** What readers assume until an event says otherwise (the contract's defaults). */
    static final boolean DEFAULT_HIGHER_IS_BETTER = true;
    static final String DEFAULT_UNIT = "percent";

    @Id
    Integer id;

    String name;

    String metric;

    @Column(name = "higher_is_better")
    Boolean higherIsBetter;

    String unit;

    /**
     * The event that settled the direction: a snapshot before it was ingested shows the default. (The unit needs no
     * such care: an event that does not state it is read as percent, so the benchmark's first run settles it.)
     */
    @Column(name = "higher_is_better_event")
    String higherIsBetterEvent;

    /** '' for no version (V5): the unique key (name, metric, version) needs no NULL. */
    String version;

    boolean higherIsBetterOrDefault() {
        return higherIsBetter == null ? DEFAULT_HIGHER_IS_BETTER : higherIsBetter;
    }

    String unitOrDefault() {
        return unit == null ? DEFAULT_UNIT : unit;
    }

    Benchmark toBenchmark() {
        return new Benchmark(id, name, metric, higherIsBetterOrDefault(), unitOrDefault(),
                version == null || version.isEmpty() ? null : version);
    }

    /** As it was before the event that settled its direction was ingested, when {@code directionSettledLater}. */
    Benchmark toBenchmark(boolean directionSettledLater) {
        Benchmark now = toBenchmark();
        return directionSettledLater ? new Benchmark(id, name, metric, DEFAULT_HIGHER_IS_BETTER, now.unit(),
                now.version()) : now;
    }
}
