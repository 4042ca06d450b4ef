package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Scenario 14: moderation through the whole stack. Records on eval.moderation (created by ingest with one
 * partition) reach the board and the bar chart through ingest, the change feed and both read services' caches: a
 * flag takes a model off the board and the chart, a bad record is dead-lettered with its reason while the next one
 * (the unflag) is applied, a retraction makes the model's previous run current again, and a flag sent while the
 * database is stopped is held (not dead-lettered) and applied once it is back.
 */
class ModerationStackTest {
    private static final String PREFIX = "moderated";
    private static final String BENCH = "Moderated Bench";
    private static final String FLAGGED = "mod-flagged-model";
    private static final String RETRACTED = "mod-retracted-model";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aFlagTakesAModelOffTheBoardAndTheChartAnUnflagBringsItBackAndARetractionRestoresThePreviousRun()
            throws Exception {
        Instant day = Instant.parse("2025-06-01T00:00:00Z");
        List<SentEvent> events = List.of(
                new SentEvent(PREFIX + "-flagged", FLAGGED, BENCH, "pass@1", 90, day),
                new SentEvent(PREFIX + "-other", "mod-other-model", BENCH, "pass@1", 70, day),
                new SentEvent(PREFIX + "-old", RETRACTED, BENCH, "pass@1", 40, day.minus(Duration.ofDays(30))),
                new SentEvent(PREFIX + "-new", RETRACTED, BENCH, "pass@1", 80, day));
        try (FaultLab lab = FaultLab.start("moderation", 3)) {
            ServiceProcess ingest = lab.startIngest("ingest");
            ServiceProcess query = lab.startQuery();
            ServiceProcess chart = lab.startChart(query);
            List<StreamPublisher.Message> messages = new ArrayList<>();
            events.forEach(event -> messages.add(StreamPublisher.Message.of(event)));
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(), messages, 1_000)) {
                publisher.awaitAllAcknowledged(Duration.ofMinutes(1));
            }
            Await.until("the events stored", Duration.ofMinutes(1), () -> lab.storedCount(PREFIX) == events.size(),
                    () -> "fewer");
            try (Admin admin = lab.admin()) {
                Await.until("ingest to create eval.moderation", Duration.ofMinutes(1),
                        () -> admin.listTopics().names().get().contains(EventTopics.MODERATION), () -> "missing");
                assertEquals(1, admin.describeTopics(List.of(EventTopics.MODERATION)).allTopicNames().get()
                        .get(EventTopics.MODERATION).partitions().size(), "one partition: records apply in order");
            }
            assertTrue(boardModels(query).contains(FLAGGED));
            assertTrue(bar(chart).contains(FLAGGED), "cached with the model, before the flag");

            moderate(lab, "{\"action\":\"flag\",\"model\":\"" + FLAGGED + "\",\"reason\":\"contaminated\"}");
            Await.until("the flagged model off the board", Duration.ofSeconds(30),
                    () -> !boardModels(query).contains(FLAGGED), () -> "still listed");
            Await.until("the flagged model off the bar chart", Duration.ofSeconds(30),
                    () -> !bar(chart).contains(FLAGGED), () -> "still drawn");
            assertEquals(List.of(RETRACTED, "mod-other-model"), boardModels(query), "the others re-ranked");

            moderate(lab, "{\"action\":\"unflag\"}");
            moderate(lab, "{\"action\":\"unflag\",\"model\":\"" + FLAGGED + "\"}");
            Await.until("the unflagged model back on the board", Duration.ofSeconds(30),
                    () -> boardModels(query).contains(FLAGGED), () -> "missing");
            Await.until("the unflagged model back on the bar chart", Duration.ofSeconds(30),
                    () -> bar(chart).contains(FLAGGED), () -> "missing");
            List<ConsumerRecord<byte[], byte[]>> letters = new KafkaProbe(lab).deadLetters();
            assertEquals(1, letters.size(), "the bad record, dead-lettered once");
            assertEquals("model is required", header(letters.get(0), EventTopics.HEADER_ERROR));
            assertEquals(EventTopics.MODERATION, header(letters.get(0), EventTopics.HEADER_SOURCE_TOPIC));

            moderate(lab, "{\"action\":\"retract\",\"eventId\":\"" + PREFIX + "-new\",\"reason\":\"wrong split\"}");
            Await.until("the previous run current again", Duration.ofSeconds(30),
                    () -> score(query, RETRACTED) == 40, () -> "not yet");
            assertEquals(List.of(FLAGGED, "mod-other-model", RETRACTED), boardModels(query));

            // A record that arrives while the database is away is held, not dead-lettered, and applied after.
            lab.postgres().close();
            moderate(lab, "{\"action\":\"flag\",\"model\":\"" + FLAGGED + "\",\"reason\":\"held\"}");
            Thread.sleep(OUTAGE.toMillis());
            lab.postgres().restart();
            Await.until("the flag sent during the outage applied", Duration.ofMinutes(1),
                    () -> !boardModels(query).contains(FLAGGED), () -> "still listed");
            assertEquals(1, new KafkaProbe(lab).deadLetters().size(), "nothing dead-lettered for the outage");
            ReliabilityReport.record("14. moderation through the stack", "a flag took the model off the board and"
                    + " the bar chart, a bad record was dead-lettered with its reason and the next one (the unflag)"
                    + " applied, a retraction made the previous run current again, and a flag sent during a "
                    + OUTAGE.toSeconds() + " s database outage was held and applied after it, with no dead letter");
            ingest.close();
        }
    }

    private static void moderate(FaultLab lab, String record) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", lab.bootstrapServers(),
                "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EventTopics.MODERATION, record.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static List<String> boardModels(ServiceProcess query) throws Exception {
        List<String> models = new ArrayList<>();
        board(query).get("entries").forEach(entry -> models.add(entry.get("model").asText()));
        return models;
    }

    private static double score(ServiceProcess query, String model) throws Exception {
        for (JsonNode entry : board(query).get("entries")) {
            if (entry.get("model").asText().equals(model)) {
                return entry.get("score").asDouble();
            }
        }
        return Double.NaN;
    }

    private static JsonNode board(ServiceProcess query) throws Exception {
        return JSON.readTree(ok(get(query, "/api/v1/leaderboards/" + encode(BENCH))));
    }

    private static String bar(ServiceProcess chart) throws Exception {
        return ok(get(chart, "/charts/bar.svg?benchmark=" + encode(BENCH)));
    }

    /** The body of a 200; anything else is an exception, which Await retries (a service may be away on purpose). */
    private static String ok(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
