package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.contract.EventTopics;
import dev.evalboard.devstack.ServiceProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Scenario 11: a publisher dates results in the future to pin a model's score, and sends scores of 1e308 to
 * overflow every mean and axis. Both go to the dead-letter topic with their reason and the honest stream is stored
 * exactly; then, as with rows stored before the bounds existed (an ingest with the bound lifted), the table stays
 * valid JSON, the CSV answers and the charts are drawn.
 */
class HostileValuesTest {
    private static final String PREFIX = "honest";
    // Named as the generated models are, so the exact store check covers its current result too.
    private static final String PINNED_MODEL = PREFIX + "-model-pinned";
    private static final String PINNED_BENCH = "AIME 2024";
    private static final List<String> HUGE_BENCHES = List.of("Huge Raw A", "Huge Raw B");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void futureDatesAndHugeScoresAreDeadLetteredAndTheReadSideCopesWithHugeRows() throws Exception {
        long seed = Seeds.seed("hostile values");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<SentEvent> honest = new ArrayList<>(ResultStream.generate(PREFIX, 2_000, seed));
        honest.add(new SentEvent(PREFIX + "-pinned-old", PINNED_MODEL, PINNED_BENCH, "pass@1", 50, now.minus(2,
                ChronoUnit.HOURS)));
        SentEvent latestHonest = new SentEvent(PREFIX + "-pinned-new", PINNED_MODEL, PINNED_BENCH, "pass@1", 60,
                now.minus(1, ChronoUnit.HOURS));
        honest.add(latestHonest);
        // Each hostile record with the words its dead-letter reason must contain.
        List<Map.Entry<String, byte[]>> hostile = List.of(
                Map.entry("later than now", new SentEvent("dlq-future", PINNED_MODEL, PINNED_BENCH, "pass@1", 99,
                        Instant.parse("9999-12-31T23:59:59Z")).value()),
                Map.entry("later than now", new SentEvent("dlq-tomorrow", PINNED_MODEL, PINNED_BENCH, "pass@1", 98,
                        now.plus(1, ChronoUnit.DAYS)).value()),
                Map.entry("beyond the bound", huge("dlq-huge-a", "huge-model", HUGE_BENCHES.get(0), 1.7e308)),
                Map.entry("beyond the bound", huge("dlq-huge-b", "huge-model", HUGE_BENCHES.get(1), -1.7e308)));

        try (FaultLab lab = FaultLab.start("hostile-values", 3)) {
            ServiceProcess ingest = lab.startIngest("ingest");
            ServiceProcess query = lab.startQuery();
            ServiceProcess chart = lab.startChart(query);
            List<StreamPublisher.Message> stream = new ArrayList<>(IngestOutcome.messages(honest));
            hostile.forEach(record -> stream.add(stream.size() / 2,
                    new StreamPublisher.Message(PINNED_MODEL.getBytes(StandardCharsets.UTF_8), record.getValue())));
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(), stream, 5_000)) {
                publisher.awaitAllAcknowledged(Duration.ofMinutes(1));
            }
            StoreCheck check = IngestOutcome.assertExactlyStored(lab, PREFIX, honest, Duration.ofMinutes(2));

            List<ConsumerRecord<byte[], byte[]>> letters = new KafkaProbe(lab).deadLetters();
            assertEquals(hostile.size(), letters.size(), "each hostile record dead-lettered once");
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                Header reason = letter.headers().lastHeader(EventTopics.HEADER_ERROR);
                assertNotNull(reason, "a dead letter without its reason");
                String why = new String(reason.value(), StandardCharsets.UTF_8);
                String expected = hostile.stream().filter(e -> Arrays.equals(e.getValue(), letter.value()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("not sent: " + why));
                assertTrue(why.contains(expected), why);
            }
            JsonNode board = getJson(query, "/api/v1/leaderboards/" + encode(PINNED_BENCH) + "?q=" + PINNED_MODEL);
            assertEquals(latestHonest.score(), board.get("entries").get(0).get("score").asDouble(),
                    "the latest honest result is current, not the one dated in the future: " + board);

            // Rows from before the bounds: an ingest that accepts any finite score stores them.
            ingest.close();
            ServiceProcess lenient = lab.startIngest("ingest-lenient",
                    Map.of("EVALBOARD_INGEST_MAX_MAGNITUDE", Double.toString(Double.MAX_VALUE)));
            List<StreamPublisher.Message> legacy = new ArrayList<>();
            for (String model : List.of("legacy-huge", "legacy-small")) {
                for (int b = 0; b < HUGE_BENCHES.size(); b++) {
                    double score = model.equals("legacy-huge") ? 1.7e308 : 10 + b;
                    legacy.add(new StreamPublisher.Message(null, huge("legacy-" + model + b, model,
                            HUGE_BENCHES.get(b), score)));
                }
            }
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(), legacy, 1_000)) {
                publisher.awaitAllAcknowledged(Duration.ofMinutes(1));
            }
            Await.until("the legacy rows stored", Duration.ofMinutes(1),
                    () -> lab.storedCount("legacy") == legacy.size(), () -> "fewer");
            String both = "benchmark=" + encode(HUGE_BENCHES.get(0)) + "&benchmark=" + encode(HUGE_BENCHES.get(1));
            JsonNode table = getJson(query, "/api/v1/leaderboard?" + both);
            for (JsonNode row : table.get("rows")) {
                assertTrue(row.get("mean").isNumber() && Double.isFinite(row.get("mean").asDouble()), row.toString());
            }
            assertEquals(200, get(query, "/api/v1/leaderboard?" + both, "text/csv").statusCode());
            getJson(query, "/api/v1/pareto?" + both);
            HttpResponse<String> bar = get(chart, "/charts/bar.svg?" + both + "&model=legacy-huge&model=legacy-small",
                    "image/svg+xml");
            assertEquals(200, bar.statusCode(), bar.body());
            assertTrue(bar.body().contains("2 values left out"), bar.body());
            HttpResponse<String> scatter = get(chart, "/charts/scatter.svg?benchmark=" + encode(HUGE_BENCHES.get(0))
                    + "&logX=false", "image/svg+xml");
            assertEquals(200, scatter.statusCode(), scatter.body());
            assertTrue(scatter.body().contains("1 left out"), scatter.body());
            lenient.close();
            ReliabilityReport.record("11. far-future dates and 1e308 scores", String.format(
                    "%,d honest events stored exactly (lost %d), %d hostile dead-lettered with reasons; the pinned "
                    + "model shows its latest honest score; with 1.7e308 rows stored anyway: table means finite, "
                    + "CSV 200, bar and scatter drawn with the rows left out", check.stored(), check.lost(),
                    letters.size()));
        }
    }

    private static byte[] huge(String eventId, String model, String benchmark, double score) {
        return ("{\"eventId\":\"" + eventId + "\",\"model\":{\"name\":\"" + model + "\",\"parameters\":7000000000},"
                + "\"benchmark\":\"" + benchmark + "\",\"unit\":\"raw\",\"score\":" + score
                + ",\"evaluatedAt\":\"2025-06-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode getJson(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> answer = get(service, path, "application/json");
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path)).header("Accept", accept).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
