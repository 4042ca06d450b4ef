package dev.evalboard.devstack.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./evalboard publish} against the real broker. */
class PublisherTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "publisher-test-key-0123456789";

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
    void turnsAnLmEvaluationHarnessResultsFileIntoEventsAndRepeatsTheirIdsWithTheSameKey() throws Exception {
        Path file = LmEvalReaderTest.fixture("v0.4-groups-olmo-2-7b.json");
        List<String> expected = new LmEvalReader(EventIds.keyed(KEY), false, null).read(file).records().stream()
                .map(InputRecord::json).toList();

        assertEquals(0, publishKeyed(KEY, "--format", "lm-eval", file.toString()), output());

        String report = output();
        assertTrue(report.contains("sent 8 of 8 events"), report);
        assertTrue(report.contains("note: " + file + ": left out 6 subtasks of groups"), report);
        assertFalse(report.contains("could not be read") || report.contains("eventIds are random"), report);
        List<ConsumerRecord<String, String>> sent = readBack(8, r -> true, expected.stream().map(PublisherTest::eventId)
                .toList());
        assertEquals(new TreeSet<>(expected), sent.stream().map(ConsumerRecord::value).collect(
                Collectors.toCollection(TreeSet::new)), "the events the reader made, unchanged");
        sent.forEach(r -> assertEquals("allenai/OLMo-2-1124-7B@stage1-step928646-tokens3896B", r.key()));

        assertEquals(0, publishKeyed(KEY, "--format", "lm-eval", file.toString()));
        assertEquals(16, readBack(16, r -> true, expected.stream().map(PublisherTest::eventId).toList()).size(),
                "publishing the same file again with the same key repeats the same eventIds: ingest keeps each once");
    }

    @Test
    void aFileWithoutAReadableScoreFailsWithItsNameAndTheReason() throws Exception {
        Path unknown = dir.resolve("results_unknown.json");
        Files.writeString(unknown, "{\"results\": {\"t\": {\"score\": 0.5}}, \"model_name\": \"m\"}");
        Path empty = dir.resolve("results_empty.json");
        Files.writeString(empty, "{\"results\": {}, \"versions\": {}, \"model_name\": \"m\"}");

        assertEquals(1, publishKeyed(KEY, "--format", "lm-eval", empty.toString()), "nothing to send is a failure");
        assertTrue(output().contains("sent 0 of 0 events"), output());
        assertTrue(output().contains(empty + ": no score could be read: \"results\" is empty"), output());

        Path good = LmEvalReaderTest.fixture("v0.4.9.2-vllm-qwen2.5-7b-instruct.json");
        assertEquals(1, publishKeyed(KEY, "--format", "lm-eval", unknown.toString(), good.toString(),
                empty.toString()));
        String report = output();
        assertTrue(report.contains("sent 8 of 8 events"), "the readable file is still sent: " + report);
        assertTrue(report.contains("2 input records could not be read"), report);
        assertTrue(report.contains(unknown + ": unknown results format"), report);
    }

    @Test
    void withoutAKeyTheUserIsToldThatPublishingAgainAddsTheRunsAgain() throws Exception {
        Path file = LmEvalReaderTest.fixture("v0.4.9.2-vllm-qwen2.5-7b-instruct.json");

        assertEquals(0, publish("--format", "lm-eval", file.toString()), output());

        assertTrue(output().contains("note: eventIds are random because EVALBOARD_PUBLISH_KEY is not set: publishing"
                + " these files again adds their runs again"), output());
        assertTrue(output().contains("sent 8 of 8 events"), output());
    }

    @Test
    void refusesAnUnknownFormatAShortKeyAndSubtasksOutsideLmEval() throws Exception {
        Path file = LmEvalReaderTest.fixture("v0.4.9.2-vllm-qwen2.5-7b-instruct.json");
        assertEquals(2, publishKeyed(KEY, "--format", "csv", "x.csv"));
        assertEquals(2, publishKeyed(KEY, "--subtasks", file.toString()));
        assertEquals(2, publishKeyed(KEY, "--model", "m", file.toString()));
        assertEquals(2, publishKeyed("too-short", "--format", "lm-eval", file.toString()));
        assertTrue(output().contains("EVALBOARD_PUBLISH_KEY must have at least 16 characters"), output());
        Path jsonl = dir.resolve("none.jsonl");
        Files.writeString(jsonl, "");
        assertEquals(0, publishKeyed("too-short", jsonl.toString()), "the key is for lm-eval files only: " + output());
    }

    @Test
    void takesTheBrokerAndLoginFromAKafkaConfigFileOverTheEnvironment() throws Exception {
        String id = "publish-" + UUID.randomUUID();
        Path events = dir.resolve("one.jsonl");
        Files.writeString(events, "{\"eventId\":\"" + id + "\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1}");
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=" + SharedServers.kafka().bootstrapServers()
                + "\nsecurity.protocol=PLAINTEXT\n");
        out.reset();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

        int exit = Publisher.publish(new String[] {"--kafka-config", config.toString(), events.toString()},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1", "KAFKA_OPTS", "-Xmx1g"), stream, stream);

        assertEquals(0, exit, output());
        assertTrue(output().contains("sent 1 of 1 events to eval.results on "
                + SharedServers.kafka().bootstrapServers()), output());
        assertEquals(1, readBack(1, r -> true, List.of(id)).size());
    }

    @Test
    void refusesAKafkaConfigFileThatIsMissingOrNamesAnUnknownSetting() throws Exception {
        Path events = dir.resolve("none.jsonl");
        Files.writeString(events, "");
        Path config = dir.resolve("typo.properties");
        Files.writeString(config, "bootstrap.server=localhost:9092\n");
        assertEquals(2, publish("--kafka-config", config.toString(), events.toString()));
        assertTrue(output().contains("bootstrap.server is not a Kafka producer setting"), output());
        assertEquals(2, publish("--kafka-config=" + dir.resolve("missing.properties"), events.toString()));
        assertTrue(output().contains("missing.properties is not a readable file"), output());
    }

    private static String eventId(String json) {
        try {
            return MAPPER.readTree(json).get("eventId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private int publish(String... args) {
        return publishKeyed(null, args);
    }

    private int publishKeyed(String key, String... args) {
        out.reset();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Publisher(stream, stream, key).run(args,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", SharedServers.kafka().bootstrapServers()));
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
