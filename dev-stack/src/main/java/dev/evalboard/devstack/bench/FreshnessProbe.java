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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publish-to-visible latency as a user sees it: a marker result (a new model scoring 100, so ranked first, its name
 * sorting before every earlier marker's) is published every {@code interval}, then polled every 5 ms, each target
 * on its own thread: the database query-service reads (the floor that ingest and replication set), the leaderboard
 * page, and the bar chart of the benchmark.
 */
final class FreshnessProbe {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final String VISIBLE = """
            SELECT 1 FROM current_result c JOIN model m ON m.id = c.model_id WHERE m.name = ?""";

    private final String bootstrapServers;
    private final String databaseUrl;
    private final String queryUrl;
    private final String chartUrl;
    private final int benchmarks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Double> toDatabase = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> toBoard = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> toChart = Collections.synchronizedList(new ArrayList<>());
    private int markers;

    FreshnessProbe(String bootstrapServers, EmbeddedPostgres database, String queryUrl, String chartUrl,
            int benchmarks) {
        this.bootstrapServers = bootstrapServers;
        this.databaseUrl = database.jdbcUrl();
        this.queryUrl = queryUrl;
        this.chartUrl = chartUrl;
        this.benchmarks = benchmarks;
    }

    /** Publishes markers for {@code duration}, one every {@code interval}, and waits for each to show. */
    void run(Duration duration, Duration interval, int firstMarker) throws Exception {
        ExecutorService pollers = Executors.newCachedThreadPool();
        List<Future<?>> polls = new ArrayList<>();
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
                polls.add(pollers.submit(() -> await(published, toDatabase, () -> inDatabase(model))));
                polls.add(pollers.submit(() -> await(published, toBoard, () -> shows(queryUrl
                        + "/api/v1/leaderboards/" + benchmark + "?limit=1", model))));
                polls.add(pollers.submit(() -> await(published, toChart, () -> shows(chartUrl
                        + "/charts/bar.svg?benchmark=" + benchmark, model))));
                markers++;
                Thread.sleep(interval.toMillis());
            }
            for (Future<?> poll : polls) {
                poll.get();
            }
        } finally {
            pollers.shutdownNow();
            pollers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void await(long published, List<Double> latencies, BooleanSupplier visible) {
        long giveUp = published + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUp) {
            if (visible.getAsBoolean()) {
                latencies.add((System.nanoTime() - published) / 1e6);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean inDatabase(String model) {
        try (Connection c = DriverManager.getConnection(databaseUrl, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                PreparedStatement s = c.prepareStatement(VISIBLE)) {
            s.setString(1, model);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (Exception e) {
            return false;
        }
    }

    private boolean shows(String url, String model) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(model);
        } catch (Exception e) {
            return false;
        }
    }

    int markers() {
        return markers;
    }

    String report(String target, List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-8s seen 0 of %d", target, markers);
        }
        return String.format(Locale.ROOT, "%-8s seen %d of %d  p50 %7.0f ms  p99 %7.0f ms  max %7.0f ms", target,
                sorted.size(), markers, pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    List<Double> toDatabase() {
        return toDatabase;
    }

    List<Double> toBoard() {
        return toBoard;
    }

    List<Double> toChart() {
        return toChart;
    }

    static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
