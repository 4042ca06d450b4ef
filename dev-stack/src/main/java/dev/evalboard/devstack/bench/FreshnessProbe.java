package dev.evalboard.devstack.bench;

import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.bench.SteadyIngestLoad.LiveEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publish-to-visible latency as a user sees it: a marker result (a new model scoring 100, so ranked first, its name
 * sorting before every earlier marker's) is published every {@code interval}. One watcher per target (the database
 * query-service reads, which is the floor that ingest and replication set; the leaderboard page; the bar chart of
 * the benchmark) looks every {@link #TICK} for all the markers it has not seen yet, with one request per benchmark.
 *
 * <p>The watchers are closed loops: however far the services fall behind, the probe adds at most one request per
 * benchmark and target a tick. A first version polled every 5 ms per marker, with a new database connection each
 * time; once the services lagged, the dozens of markers in flight polled hundreds of times a second and the probe
 * became the heaviest load of the benchmark it measured. A latency is read at the tick that sees the marker, so it
 * overstates by up to one tick plus the request's time.
 */
final class FreshnessProbe {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    static final Duration TICK = Duration.ofMillis(25);
    private static final String VISIBLE = """
            SELECT m.name FROM current_result c JOIN model m ON m.id = c.model_id WHERE m.name = ANY(?)""";

    /** A marker not yet seen by one target: its benchmark and when it was published. */
    private record Marker(String model, String benchmark, long publishedNanos) {
    }

    private final String bootstrapServers;
    private final String databaseUrl;
    private final String queryUrl;
    private final String chartUrl;
    private final int benchmarks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Target toDatabase = new Target("database");
    private final Target toBoard = new Target("board");
    private final Target toChart = new Target("chart");
    private volatile boolean publishing;
    private int markers;
    /** The database watcher's connection, kept for the whole run. */
    private Connection connection;

    FreshnessProbe(String bootstrapServers, EmbeddedPostgres database, String queryUrl, String chartUrl,
            int benchmarks) {
        this.bootstrapServers = bootstrapServers;
        this.databaseUrl = database.jdbcUrl();
        this.queryUrl = queryUrl;
        this.chartUrl = chartUrl;
        this.benchmarks = benchmarks;
    }

    /** Publishes markers for {@code duration}, one every {@code interval}, and waits for each to show or expire. */
    void run(Duration duration, Duration interval, int firstMarker) throws Exception {
        publishing = true;
        List<Thread> watchers = List.of(
                watcher(toDatabase, this::inDatabase),
                watcher(toBoard, pending -> shownBy(pending, b -> queryUrl + "/api/v1/leaderboards/" + b + "?limit=50")),
                watcher(toChart, pending -> shownBy(pending, b -> chartUrl + "/charts/bar.svg?benchmark=" + b)));
        watchers.forEach(Thread::start);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                bootstrapServers, "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            long end = System.nanoTime() + duration.toNanos();
            for (int i = firstMarker; System.nanoTime() < end; i++) {
                String model = String.format("live-%06d", 999_999 - i);
                String benchmark = String.format("bench-%02d", 1 + i % benchmarks);
                long published = System.nanoTime();
                producer.send(new ProducerRecord<>(LiveEvents.TOPIC, model.getBytes(StandardCharsets.UTF_8),
                        LiveEvents.result(model, benchmark, 100, Instant.now()).getBytes(StandardCharsets.UTF_8)));
                producer.flush();
                Marker marker = new Marker(model, benchmark, published);
                for (Target target : List.of(toDatabase, toBoard, toChart)) {
                    target.pending.add(marker);
                }
                markers++;
                Thread.sleep(interval.toMillis());
            }
        } finally {
            publishing = false;
            for (Thread watcher : watchers) {
                watcher.join();
            }
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Looks every tick for the target's pending markers until publishing is over and none is left. */
    private Thread watcher(Target target, Function<Set<Marker>, Set<Marker>> visible) {
        return new Thread(() -> {
            while (publishing || !target.pending.isEmpty()) {
                long tickStart = System.nanoTime();
                Set<Marker> pending = new HashSet<>(target.pending);
                if (!pending.isEmpty()) {
                    Set<Marker> seen = visible.apply(pending);
                    long now = System.nanoTime();
                    for (Marker marker : pending) {
                        if (seen.contains(marker)) {
                            target.latencies.add((now - marker.publishedNanos()) / 1e6);
                            target.pending.remove(marker);
                        } else if (now - marker.publishedNanos() > GIVE_UP.toNanos()) {
                            target.pending.remove(marker);
                        }
                    }
                }
                long rest = TICK.toNanos() - (System.nanoTime() - tickStart);
                if (rest > 0) {
                    try {
                        Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, "freshness-" + target.name);
    }

    /** The markers the database shows, in one query on the watcher's one connection. */
    private Set<Marker> inDatabase(Set<Marker> pending) {
        Set<Marker> seen = new HashSet<>();
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(databaseUrl, EmbeddedPostgres.USER,
                        EmbeddedPostgres.PASSWORD);
            }
            try (PreparedStatement s = connection.prepareStatement(VISIBLE)) {
                s.setArray(1, connection.createArrayOf("text", pending.stream().map(Marker::model).toArray()));
                Set<String> names = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                pending.stream().filter(m -> names.contains(m.model())).forEach(seen::add);
            }
        } catch (Exception e) {
            connection = null; // reconnect at the next tick
        }
        return seen;
    }

    /** The markers each benchmark's page shows, one request per benchmark with pending markers. */
    private Set<Marker> shownBy(Set<Marker> pending, Function<String, String> urlOf) {
        Set<Marker> seen = new HashSet<>();
        pending.stream().map(Marker::benchmark).distinct().forEach(benchmark -> {
            String body = body(urlOf.apply(benchmark));
            pending.stream().filter(m -> m.benchmark().equals(benchmark) && body.contains(m.model()))
                    .forEach(seen::add);
        });
        return seen;
    }

    private String body(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (Exception e) {
            return "";
        }
    }

    int markers() {
        return markers;
    }

    String report(Target target) {
        List<Double> sorted = new ArrayList<>(target.latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-8s seen 0 of %d", target.name, markers);
        }
        return String.format(Locale.ROOT, "%-8s seen %d of %d  p50 %7.0f ms  p99 %7.0f ms  max %7.0f ms",
                target.name, sorted.size(), markers, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    Target toDatabase() {
        return toDatabase;
    }

    Target toBoard() {
        return toBoard;
    }

    Target toChart() {
        return toChart;
    }

    static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One place a marker must show: the markers it has not shown yet, and the latencies of those it has. */
    static final class Target {
        private final String name;
        private final Set<Marker> pending = ConcurrentHashMap.newKeySet();
        private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());

        private Target(String name) {
            this.name = name;
        }

        List<Double> latencies() {
            return latencies;
        }
    }
}
