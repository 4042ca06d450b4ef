package dev.evalboard.query.service;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.query.cache.ChangeFeed.FeedRestarted;
import dev.evalboard.query.cache.ChangeFeed.VisibleChange;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live stream of changed benchmarks behind {@code GET /api/v1/changes}. Changes this instance's database already
 * shows are gathered per benchmark and sent every {@link #COALESCE} at most once per benchmark, with the feed offset
 * of the latest as the event id. The last {@link #KEPT} events are kept, so that a client reconnecting with
 * {@code Last-Event-ID} gets what it missed; one that missed more is told to reload everything.
 */
@ApplicationScoped
public class ChangeStream {
    public static final Duration COALESCE = Duration.ofMillis(250);
    static final int KEPT = 10_000;

    /** One event of the stream: a benchmark changed; {@code id} orders events and resumes a stream. */
    public record Changed(long id, String benchmark, String metric) {
    }

    /** What a subscriber receives: the events it missed (or that it must reload everything), then live ones. */
    public interface Subscriber {
        void changed(Changed event);

        void reloadEverything(long id);
    }

    private final Object lock = new Object();
    private final Map<ResultChange.Benchmark, Long> pending = new LinkedHashMap<>();
    private final Deque<Changed> kept = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "change-stream");
        thread.setDaemon(true);
        return thread;
    });
    private long lastId = -1;
    /** Every event with a larger id is kept or still to come; null until the feed's first change. */
    private Long knownSince;

    public ChangeStream() {
        this(true);
    }

    /** Without the ticker, only {@link #flush()} sends: for tests of what is sent. */
    ChangeStream(boolean tick) {
        if (tick) {
            ticker.scheduleWithFixedDelay(this::flush, COALESCE.toMillis(), COALESCE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    void onVisible(@Observes VisibleChange visible) {
        synchronized (lock) {
            if (knownSince == null) {
                knownSince = visible.offset() - 1;
            }
            visible.change().benchmarks().forEach(board -> pending.put(board.board(), visible.offset()));
        }
    }

    /** The feed was read again from its end: what came in between is unknown. */
    void onRestart(@Observes FeedRestarted restarted) {
        synchronized (lock) {
            knownSince = null;
        }
    }

    /** Sends what gathered since the last flush, oldest first. */
    void flush() {
        List<Changed> events = new ArrayList<>();
        synchronized (lock) {
            pending.forEach((board, offset) -> events.add(new Changed(offset, board.name(), board.metric())));
            pending.clear();
            events.sort(Comparator.comparingLong(Changed::id));
            for (Changed event : events) {
                kept.addLast(event);
                if (kept.size() > KEPT) {
                    knownSince = kept.removeFirst().id();
                }
                lastId = Math.max(lastId, event.id());
            }
            // Delivered under the lock, so that a subscriber registering meanwhile sees each event exactly once.
            for (Changed event : events) {
                subscribers.forEach(s -> s.changed(event));
            }
        }
    }

    /**
     * Registers {@code subscriber}; with {@code lastEventId}, first replays the kept events after it, or asks it to
     * reload everything when events after it are no longer kept. Returns what unsubscribes it.
     */
    public Runnable subscribe(Subscriber subscriber, Long lastEventId) {
        synchronized (lock) {
            if (lastEventId != null) {
                if (knownSince != null && lastEventId >= knownSince && lastEventId <= lastId) {
                    kept.stream().filter(e -> e.id() > lastEventId).forEach(subscriber::changed);
                } else {
                    subscriber.reloadEverything(lastId);
                }
            }
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }

    /** Only the events about these benchmarks (all when empty). */
    public static Subscriber filtered(Set<String> benchmarks, Subscriber subscriber) {
        return benchmarks.isEmpty() ? subscriber : new Subscriber() {
            @Override
            public void changed(Changed event) {
                if (benchmarks.contains(event.benchmark())) {
                    subscriber.changed(event);
                }
            }

            @Override
            public void reloadEverything(long id) {
                subscriber.reloadEverything(id);
            }
        };
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }
}
