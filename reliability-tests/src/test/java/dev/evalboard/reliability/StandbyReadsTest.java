package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.ServiceProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Scenario 10: the topology the Kubernetes manifests ship. query-service reads from a streaming hot standby (where
 * PostgreSQL refuses LISTEN) and chart-service from query-service. Boards are served from the cache, a published
 * result shows in the leaderboard and in the chart within a second, a standby whose replay is paused never gets a
 * stale board cached, and the SSE stream announces changes and resumes after a reconnect.
 */
class StandbyReadsTest {
    private static final String PREFIX = "standby";
    private static final int FRESHNESS_SAMPLES = 20;
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    private static final Pattern REQUESTS = Pattern.compile(
            "(?m)^evalboard_query_cache_requests_total\\{[^}]*result=\"(\\w+)\"[^}]*} (\\S+)$");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void queryServiceOnAStandbyCachesFollowsTheFeedAndNeverCachesAStaleBoard() throws Exception {
        try (FaultLab lab = FaultLab.start("standby-reads", 3);
                var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                        lab.bootstrapServers(), "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            EmbeddedPostgres standby = lab.startStandby();
            lab.startIngest("ingest");
            ServiceProcess query = lab.startQueryOn(standby);
            ServiceProcess chart = lab.startChart(query);
            String board = query.url() + "/api/v1/leaderboards/" + encode("Standby Bench");
            String chartUrl = chart.url() + "/charts/bar.svg?benchmark=" + encode("Standby Bench");

            publish(producer, "seed", 10);
            Await.until("the first result on the standby's board", Duration.ofMinutes(1),
                    () -> shows(board, PREFIX + "-model-seed"), () -> "not yet");

            // Freshness: publish, then poll the leaderboard and the chart until the new model shows.
            List<Long> toBoard = new ArrayList<>();
            List<Long> toChart = new ArrayList<>();
            for (int i = 0; i < FRESHNESS_SAMPLES; i++) {
                body(chartUrl); // the chart is cached when the change arrives
                long published = publish(producer, "fresh-" + i, 20 + i);
                toBoard.add(millisUntilShown(board, PREFIX + "-model-fresh-" + i, published));
                toChart.add(millisUntilShown(chartUrl, PREFIX + "-model-fresh-" + i, published));
            }

            // Hit ratio under repeated reads of boards that do not change.
            Map<String, Double> before = cacheRequests(query);
            for (int i = 0; i < 200; i++) {
                body(board);
            }
            Map<String, Double> after = cacheRequests(query);
            double hits = delta(before, after, "hit");
            double all = hits + delta(before, after, "miss") + delta(before, after, "bypass")
                    + delta(before, after, "coalesced");
            assertTrue(hits / all > 0.9, "hit ratio " + hits + " of " + all);

            // A paused standby: the board must not change, nor be cached stale once replay resumes.
            execute(standby, "SELECT pg_wal_replay_pause()");
            int storedBefore = lab.storedCount(PREFIX);
            publish(producer, "paused", 99);
            Await.until("the paused event committed on the primary", Duration.ofSeconds(30),
                    () -> lab.storedCount(PREFIX) > storedBefore, () -> "not yet");
            long pausedUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < pausedUntil) {
                assertFalse(body(board).contains(PREFIX + "-model-paused"), "the standby has not replayed it yet");
                Await.sleep(Duration.ofMillis(100));
            }
            execute(standby, "SELECT pg_wal_replay_resume()");
            long resumed = System.nanoTime();
            long afterResume = millisUntilShown(board, PREFIX + "-model-paused", resumed);

            // Live updates: an event per changed benchmark, and what was missed after a reconnect.
            String changes = query.url() + "/api/v1/changes";
            String lastId;
            try (SseClient sse = SseClient.open(changes, null)) {
                publish(producer, "sse-1", 50, "SSE One");
                SseClient.Event event = nextChanged(sse, "SSE One");
                lastId = event.id();
            }
            publish(producer, "sse-2", 50, "SSE Two");
            Await.until("SSE Two on the board", Duration.ofSeconds(30), () -> shows(query.url()
                    + "/api/v1/leaderboards/" + encode("SSE Two"), "sse-2"), () -> "not yet");
            try (SseClient resumedStream = SseClient.open(changes, lastId)) {
                nextChanged(resumedStream, "SSE Two");
            }

            Collections.sort(toBoard);
            Collections.sort(toChart);
            ReliabilityReport.record("10. query-service on a hot standby", String.format(
                    "publish to leaderboard p50 %d ms, max %d ms; to chart p50 %d ms, max %d ms (%d samples); "
                    + "cache hit ratio %.0f%% over 200 reads; replay paused 10 s: no stale board, shown %d ms after "
                    + "resume; SSE event per change, resumed after reconnect with Last-Event-ID",
                    toBoard.get(toBoard.size() / 2), toBoard.get(toBoard.size() - 1), toChart.get(toChart.size() / 2),
                    toChart.get(toChart.size() - 1), FRESHNESS_SAMPLES, 100 * hits / all, afterResume));
            assertTrue(toBoard.get(toBoard.size() - 1) <= VISIBLE_WITHIN.toMillis(), "to board: " + toBoard);
            assertTrue(toChart.get(toChart.size() - 1) <= VISIBLE_WITHIN.toMillis(), "to chart: " + toChart);
            assertTrue(afterResume <= VISIBLE_WITHIN.toMillis(), "after resume: " + afterResume + " ms");
        }
    }

    private SseClient.Event nextChanged(SseClient sse, String benchmark) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event event = sse.next(Duration.ofSeconds(1));
            if (event != null && event.name().equals("changed") && event.data().contains("\"" + benchmark + "\"")) {
                assertNotNull(event.id(), "an id to resume from");
                return event;
            }
        }
        throw new AssertionError("no changed event for " + benchmark);
    }

    /** Publishes one event of model {@code standby-model-<name>} and returns when the broker took it (nanoTime). */
    private static long publish(KafkaProducer<byte[], byte[]> producer, String name, double score) throws Exception {
        return publish(producer, name, score, "Standby Bench");
    }

    private static long publish(KafkaProducer<byte[], byte[]> producer, String name, double score, String benchmark)
            throws Exception {
        String json = "{\"eventId\":\"" + PREFIX + "-" + name + "\",\"model\":{\"name\":\"" + PREFIX + "-model-" + name
                + "\"},\"benchmark\":\"" + benchmark + "\",\"score\":" + score + "}";
        producer.send(new ProducerRecord<>(FaultLab.TOPIC, json.getBytes(StandardCharsets.UTF_8))).get();
        return System.nanoTime();
    }

    private long millisUntilShown(String url, String text, long sinceNanos) throws Exception {
        Await.until(text + " at " + url, Duration.ofSeconds(30), () -> shows(url, text), () -> "not yet");
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    /** Whether {@code url} answers 200 with {@code text} in it; a board not there yet is a 404. */
    private boolean shows(String url, String text) throws Exception {
        HttpResponse<String> response = get(url);
        return response.statusCode() == 200 && response.body().contains(text);
    }

    private String body(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Double> cacheRequests(ServiceProcess query) throws Exception {
        Map<String, Double> counts = new HashMap<>();
        Matcher m = REQUESTS.matcher(body(query.managementUrl() + "/q/metrics"));
        while (m.find()) {
            counts.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return counts;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String result) {
        return after.getOrDefault(result, 0.0) - before.getOrDefault(result, 0.0);
    }

    private static void execute(EmbeddedPostgres database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD)) {
            c.createStatement().execute(sql);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
