package dev.evalboard.devstack.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.devstack.SeedData;
import dev.evalboard.devstack.testing.SharedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./evalboard publish} against the real broker. */
class PublisherTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void publishesJsonLinesKeyedByModel() throws Exception {
        Path file = dir.resolve("seed.jsonl");
        Files.write(file, SeedData.lines(), StandardCharsets.UTF_8);

        assertEquals(0, publish(file.toString()));

        List<ConsumerRecord<String, String>> sent = readBack(28, r -> true,
                SeedData.lines().stream().map(PublisherTest::eventId).toList());
        assertEquals(28, sent.size());
        for (ConsumerRecord<String, String> record : sent) {
            assertEquals(MAPPER.readTree(record.value()).get("model").get("name").asText(), record.key());
        }
        assertTrue(output().contains("sent 28 of 28 events"), output());
    }

    @Test
    void reportsUnreadableLinesSendsTheRestAndFails() throws Exception {
        String id = "publish-" + UUID.randomUUID();
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"eventId\":\"" + id + "\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":50}",
                "this is not json",
                "{\"eventId\":\"x\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\"}",
                "",
                "{\"eventId\":\"y\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":101}"));

        assertEquals(1, publish(file.toString()), "a file with unreadable lines fails");

        assertEquals(1, readBack(1, r -> true, List.of(id)).size(), "the good line is sent");
        String report = output();
        assertTrue(report.contains("sent 1 of 1 events"), report);
        assertTrue(report.contains("3 input records could not be read"), report);
        assertTrue(report.contains("mixed.jsonl:2: the record value is not valid JSON"), report);
        assertTrue(report.contains("mixed.jsonl:3: score is required (/score)"), report);
        assertTrue(report.contains("mixed.jsonl:5: score 101.0 is outside [0, 100]"), report);
    }

    @Test
    void turnsAnLmEvaluationHarnessResultsFileIntoEvents() throws Exception {
        Path file = Path.of(getClass().getResource("/lm-eval/results_2025-06-01T12-00-00.123456.json").toURI());

        assertEquals(0, publish("--format", "lm-eval", file.toString()), output());

        assertFalse(output().contains("could not be read"), output());
        List<JsonNode> events = new ArrayList<>();
        List<ConsumerRecord<String, String>> sent = readBack(9,
                r -> r.key().equals("meta-llama/Llama-3.1-8B-Instruct"), null);
        for (ConsumerRecord<String, String> record : sent) {
            events.add(MAPPER.readTree(record.value()));
        }
        assertEquals(9, events.size(), "4 tasks: 2 + 2 + 2 + 3 scores, the stderr and alias keys skipped");

        JsonNode strict = find(events, "gsm8k", "exact_match:strict-match");
        assertEquals(72.25170583775588, strict.get("score").asDouble(), 1e-9);
        assertEquals(1.2333447581047525, strict.get("stderr").asDouble(), 1e-9);
        assertEquals(1319, strict.get("samples").asLong());
        assertEquals(8030261248L, strict.get("model").get("parameters").asLong());
        assertEquals("2025-06-01T12:00:00.123Z", strict.get("evaluatedAt").asText());

        JsonNode accNorm = find(events, "hellaswag", "acc_norm");
        assertEquals(78.60983867755427, accNorm.get("score").asDouble(), 1e-9);

        JsonNode bitsPerByte = find(events, "wikitext", "bits_per_byte");
        assertEquals(0.6052855264470327, bitsPerByte.get("score").asDouble(), 1e-12, "not a percentage");
        assertEquals("raw", bitsPerByte.get("unit").asText());
        assertFalse(bitsPerByte.get("higherIsBetter").asBoolean());
        assertFalse(bitsPerByte.has("stderr"), "N/A stderr is left out");

        assertEquals(0, publish("--format", "lm-eval", file.toString()));
        assertEquals(9, readBack(18, r -> r.key().equals("meta-llama/Llama-3.1-8B-Instruct"), null).stream()
                .map(r -> r.value().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1")).distinct().count(),
                "publishing the same file again repeats the same eventIds, so ingest keeps each result once");
    }

    @Test
    void refusesAnUnknownFormat() {
        assertEquals(2, publish("--format", "csv", "x.csv"));
    }

    private static String eventId(String json) {
        try {
            return MAPPER.readTree(json).get("eventId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode find(List<JsonNode> events, String benchmark, String metric) {
        return events.stream().filter(e -> e.get("benchmark").asText().equals(benchmark)
                && e.get("metric").asText().equals(metric)).findFirst().orElseThrow(
                        () -> new AssertionError("no event for " + benchmark + " " + metric + " in " + events));
    }

    private int publish(String... args) {
        out.reset();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Publisher(stream, stream).run(args, SharedServers.kafka().bootstrapServers());
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Reads eval.results from the beginning: the records that match, by eventId when ids are given. */
    private static List<ConsumerRecord<String, String>> readBack(int expected,
            Predicate<ConsumerRecord<String, String>> filter, List<String> eventIds) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", SharedServers.kafka().bootstrapServers(), "group.id", "read-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("eval.results"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (matching.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    boolean wanted = eventIds == null || eventIds.stream().anyMatch(
                            id -> r.value().contains("\"" + id + "\""));
                    if (wanted && filter.test(r)) {
                        matching.add(r);
                    }
                }
            }
        }
        return matching;
    }
}
