package dev.evalboard.chart.dashboard;

import dev.evalboard.contract.change.ResultChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The changes chart-service heard on the change feed, for open dashboard pages: told after the chart cache forgot the
 * changed benchmarks, so a page that reloads on a change gets new charts.
 */
@ApplicationScoped
public class LiveChanges {

    /** One change-feed record: its offset and the benchmark names it named. */
    public record Change(long offset, Set<String> benchmarks) {
        boolean concernsAny(Set<String> names) {
            return names.isEmpty() || benchmarks.stream().anyMatch(names::contains);
        }
    }

    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong latest = new AtomicLong(-1);

    public void heard(ResultChange change, long offset) {
        latest.accumulateAndGet(offset, Math::max);
        Change heard = new Change(offset, change.benchmarks().stream().map(ResultChange.Benchmark::name)
                .collect(Collectors.toUnmodifiableSet()));
        listeners.forEach(listener -> listener.accept(heard));
    }

    /** The offset of the newest change heard of, -1 before the first. */
    public long latestOffset() {
        return latest.get();
    }

    /** @return what ends the subscription */
    public Runnable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
