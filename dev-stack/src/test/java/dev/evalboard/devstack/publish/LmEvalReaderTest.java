package dev.evalboard.devstack.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format of lm-evaluation-harness results, read from fixtures modelled on real files: every score, unit, stderr,
 * sample count and direction, and the model each event names.
 */
class LmEvalReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "test-key-0123456789abcdef";
    static final List<String> FIXTURES = List.of("v0.3-pythia-160m-step13000.json", "v0.4-groups-olmo-2-7b.json",
            "v0.4.9.2-vllm-qwen2.5-7b-instruct.json", "v0.4.13-pythia-1.4b-step143000.json");

    @TempDir
    Path dir;

    @Test
    void harness03ResultsAndVersionsWithTheCheckpointRevisionInTheModelName() throws Exception {
        List<JsonNode> events = events("v0.3-pythia-160m-step13000.json", false);

        assertEvents(events, """
                winogrande acc 50.59194948697711 percent 1.405150083848581 - higher
                lambada_openai ppl 96.41306218236917 raw 4.033590174291621 - lower
                lambada_openai acc 24.80108674558509 percent 0.6016735618311482 - higher
                hendrycksTest-anatomy acc 22.22222222222222 percent 3.5914440841969694 - higher
                hendrycksTest-anatomy acc_norm 25.18518518518518 percent 3.749850709174021 - higher
                crows_pairs_english likelihood_difference 3.5211710498687664 raw 0.0953214761306918 - lower
                crows_pairs_english pct_stereotype 55.03875968992248 percent 1.2151089226548306 - lower
                cola mcc -0.018604916721947455 raw 0.031189022914472063 - higher
                squad2 exact 4.119855133496168 percent - - higher
                squad2 f1 6.807341906232548 percent - - higher
                squad2 hasans_exact 8.251012145748987 percent - - higher
                """);
        assertRun(events, "EleutherAI/pythia-160m@step13000", null, null, "lm-evaluation-harness");
    }

    @Test
    void harness04GroupsArePublishedWithoutTheirSubtasksByDefault() throws Exception {
        List<JsonNode> events = events("v0.4-groups-olmo-2-7b.json", false);

        assertEvents(events, GROUPS_04_TOP_LEVEL);
        assertRun(events, "allenai/OLMo-2-1124-7B@stage1-step928646-tokens3896B", 7298617344L,
                "2024-12-05T13:27:13.297Z", "lm-evaluation-harness");
    }

    private static final String GROUPS_04_TOP_LEVEL = """
            gsm8k         exact_match:strict-match      67.39954510993177   percent 1.2911675645682837 1319 higher
            gsm8k         exact_match:flexible-extract  68.15769522365428   percent 1.2832225723075408 1319 higher
            kobest_boolq  acc                           59.61538461538461   percent 1.3098716432373645 1404 higher
            kobest_boolq  f1                            55.53145336225597   percent -                  1404 higher
            mmlu          acc                           62.04210526315789   percent 2.0316249208016232 532  higher
            wikitext      word_perplexity               10.877521614924387  raw     -                  62   lower
            wikitext      byte_perplexity               1.5560263924596424  raw     -                  62   lower
            wikitext      bits_per_byte                 0.6378217104939542  raw     -                  62   lower
            """;

    @Test
    void harness04SubtasksOnRequestWithEachGroupsSampleCount() throws Exception {
        Reading reading = reader(true).read(fixture("v0.4-groups-olmo-2-7b.json"));

        assertEquals(List.of(), reading.notes());
        assertEvents(parse(reading), GROUPS_04_TOP_LEVEL + """
                mmlu_humanities       acc  63.94557823129252  percent 2.8148154637410236 297 higher
                mmlu_formal_logic     acc  43.65079365079365  percent 4.435932892851466  126 higher
                mmlu_world_religions  acc  78.94736842105263  percent 3.126781714663179  171 higher
                mmlu_stem             acc  58.22784810126582  percent 2.8634178373010345 235 higher
                mmlu_abstract_algebra acc  33.0               percent 4.725815626252604  100 higher
                mmlu_anatomy          acc  62.22222222222222  percent 4.188307537595853  135 higher
                """);
    }

    @Test
    void saysWhatItLeftOut() throws Exception {
        Reading reading = reader(false).read(fixture("v0.4-groups-olmo-2-7b.json"));

        assertEquals(1, reading.notes().size());
        assertTrue(reading.notes().get(0).contains("left out 6 subtasks of groups that have scores of their own"
                + " (--subtasks publishes them too)"), reading.notes().get(0));
    }

    @Test
    void harness0492WithVllmObjectModelArgsAndNotAvailableStderrs() throws Exception {
        List<JsonNode> events = events("v0.4.9.2-vllm-qwen2.5-7b-instruct.json", false);

        assertEvents(events, """
                cola            mcc                      0.007697069264654263  raw     0.031195617473289124 1043 higher
                ifeval          prompt_level_strict_acc  72.64325323475046     percent 1.9183727107392846   541  higher
                ifeval          inst_level_strict_acc    80.2158273381295      percent -                    541  higher
                ifeval          prompt_level_loose_acc   76.34011090573013     percent 1.8288827582625598   541  higher
                ifeval          inst_level_loose_acc     83.33333333333334     percent -                    541  higher
                truthfulqa_gen  bleu_max                 21.604826337612245    raw     0.7493213520412877   817  higher
                truthfulqa_gen  bleu_acc                 50.18359853121175     percent 1.7503383046877048   817  higher
                truthfulqa_gen  bleu_diff                0.4719537613098581    raw     0.6710311285470294   817  higher
                """);
        assertRun(events, "Qwen/Qwen2.5-7B-Instruct", null, "2025-08-26T13:45:02.442Z",
                "lm-evaluation-harness 0.4.9.2");
    }

    @Test
    void harness0413WithGroupSampleCountsAndLimitedTasks() throws Exception {
        List<JsonNode> events = events("v0.4.13-pythia-1.4b-step143000.json", true);

        assertEvents(events, """
                arc_challenge     acc                           27.0               percent 4.461960433384741  100 higher
                arc_challenge     acc_norm                      30.0               percent 4.6056618647183814 100 higher
                arc_easy          acc                           63.0               percent 4.852365870939099  100 higher
                arc_easy          acc_norm                      56.0               percent 4.9888765156985884 100 higher
                mmlu_pro          exact_match:custom-extract    10.5               percent 2.1677358783418536 200 higher
                mmlu_pro_math     exact_match:custom-extract    8.0                percent 2.7265992434429086 100 higher
                mmlu_pro_physics  exact_match:custom-extract    13.0               percent 3.379976689896308  100 higher
                wikitext          word_perplexity               14.705620417394624 raw     -                  62  lower
                wikitext          byte_perplexity               1.6526447226138582 raw     -                  62  lower
                wikitext          bits_per_byte                 0.7247432893180924 raw     -                  62  lower
                """);
        assertRun(events, "EleutherAI/pythia-1.4b@step143000", 1414647808L, "2026-08-21T14:35:14.018Z",
                "lm-evaluation-harness 0.4.13");
    }

    @Test
    void everyBenchmarkAndMetricHasOneUnitAcrossAllFormats() throws Exception {
        Map<String, TreeSet<String>> units = new TreeMap<>();
        for (String fixture : FIXTURES) {
            for (JsonNode event : events(fixture, true)) {
                units.computeIfAbsent(event.get("benchmark").asText() + " " + event.get("metric").asText(),
                        k -> new TreeSet<>()).add(event.get("unit").asText());
            }
        }
        assertEquals(List.of(), units.entrySet().stream().filter(e -> e.getValue().size() > 1).toList());
        assertEquals(Set.of("raw"), units.get("cola mcc"), "-0.0186 and 0.0077 are both correlations");
        assertEquals(Set.of("raw"), units.get("wikitext bits_per_byte"));
    }

    @Test
    void theUnitFollowsTheMetricWhateverTheValue() throws Exception {
        for (double value : new double[] {-0.5, 0, 0.25, 0.25, 1, 1.5, 42}) {
            Path file = write("{\"results\": {\"cola\": {\"mcc,none\": " + value + "}, \"truthfulqa_gen\":"
                    + " {\"bleu_diff,none\": " + value + "}, \"custom_task\": {\"my_score,none\": " + value + "}},"
                    + " \"model_name\": \"m\", \"n-shot\": {}}");
            for (JsonNode event : parse(reader(false).read(file))) {
                assertEquals("raw", event.get("unit").asText(), event.toString());
                assertEquals(value, event.get("score").asDouble(), 0, event.toString());
            }
        }
        for (double value : new double[] {0, 0.5, 1}) {
            JsonNode event = parse(reader(false).read(write("{\"results\": {\"arc_easy\": {\"acc,none\": " + value
                    + "}}, \"model_name\": \"m\", \"n-shot\": {}}"))).get(0);
            assertEquals("percent", event.get("unit").asText());
            assertEquals(value * 100, event.get("score").asDouble(), 1e-12);
        }
    }

    @Test
    void aKnownMetricsDirectionWinsAndAnUnknownOneFollowsTheFile() throws Exception {
        List<JsonNode> events = parse(reader(false).read(write("""
                {"results": {"wmt16": {"ter,none": 61.2, "bleu,none": 21.5},
                             "custom": {"errors,none": 3, "points,none": 7}},
                 "higher_is_better": {"wmt16": {"ter": true, "bleu": true}, "custom": {"errors": false}},
                 "model_name": "m"}""")));
        Map<String, Boolean> direction = new HashMap<>();
        events.forEach(e -> direction.put(e.get("metric").asText(), e.get("higherIsBetter").asBoolean()));
        assertEquals(Map.of("ter", false, "bleu", true, "errors", false, "points", true), direction);
    }

    @Test
    void aGroupWithoutItsOwnScoresLeavesItsSubtasksAtTheTop() throws Exception {
        List<String> benchmarks = events("v0.4.13-pythia-1.4b-step143000.json", false).stream()
                .map(e -> e.get("benchmark").asText()).distinct().sorted().toList();

        assertEquals(List.of("arc_challenge", "arc_easy", "mmlu_pro", "wikitext"), benchmarks);
    }

    @Test
    void harness040WithoutGroupSubtasksNestsByTheAliasIndentation() throws Exception {
        Path file = write("""
                {"results": {"mmlu": {"acc,none": 0.6, "acc_stderr,none": 0.01, "alias": "mmlu"},
                             "mmlu_stem": {"acc,none": 0.5, "acc_stderr,none": 0.02, "alias": " - stem"},
                             "mmlu_anatomy": {"acc,none": 0.4, "acc_stderr,none": 0.04, "alias": "  - anatomy"},
                             "piqa": {"acc,none": 0.7, "acc_stderr,none": 0.01, "alias": "piqa"}},
                 "groups": {"mmlu": {"acc,none": 0.6, "acc_stderr,none": 0.01, "alias": "mmlu"},
                            "mmlu_stem": {"acc,none": 0.5, "acc_stderr,none": 0.02, "alias": " - stem"}},
                 "configs": {}, "versions": {}, "n-shot": {},
                 "config": {"model": "hf", "model_args": "pretrained=org/m"}}""");

        assertEvents(parse(reader(false).read(file)), """
                mmlu acc 60.0 percent 1.0 - higher
                piqa acc 70.0 percent 1.0 - higher
                """);
        assertEquals(4, parse(reader(true).read(file)).size());
    }

    @Test
    void reportsAFileItCannotReadWithTheReason() throws Exception {
        assertUnreadable("{\"results\": {\"t\": {\"score\": 0.5}}, \"model_name\": \"m\"}",
                "unknown results format: neither \"metric,filter\" scores (harness 0.4 and later) nor a \"versions\""
                        + " map beside \"results\" (harness 0.3)");
        assertUnreadable("{\"results\": {\"mmlu\": {\"alias\": \"mmlu\"}}, \"group_subtasks\": {}, \"model_name\":"
                + " \"m\"}", "no score could be read: no entry of \"results\" has a numeric \"metric,filter\" value");
        assertUnreadable("{\"results\": {}, \"versions\": {}, \"config\": {\"model_args\": \"pretrained=m\"}}",
                "no score could be read: \"results\" is empty");
        assertUnreadable("{\"results\": {\"t\": {\"acc,none\": 0.5}}, \"model_name\": \"\", \"config\":"
                + " {\"model\": \"vllm\", \"model_args\": {\"dtype\": \"auto\"}}}",
                "no model name: model_name is empty and config.model_args has none of peft=, delta=, pretrained=,"
                        + " model=, path=, engine= (name it with --model)");
        assertUnreadable("{\"table_results\": {}, \"config\": {}}", "no \"results\" object (top-level keys:"
                + " table_results, config): not an lm-evaluation-harness results file");
        assertUnreadable("{\"results\": [{\"task_name\": \"wino_bias\", \"em\": 0.5}], \"table_results\": {}}",
                "\"results\" is a list, not an object (top-level keys: results, table_results): not an"
                        + " lm-evaluation-harness results file");
        assertUnreadable("", "no \"results\" object: not an lm-evaluation-harness results file");
        Reading truncated = reader(false).read(write("{\"results\": "));
        assertTrue(truncated.records().get(0).problem().startsWith("not a JSON file (Unexpected end-of-input"),
                truncated.records().get(0).problem());
    }

    @Test
    void aModelNamedOnTheCommandLineStandsForTheFilesOwn() throws Exception {
        Path neox = write("{\"results\": {\"piqa\": {\"acc\": 0.6, \"acc_stderr\": 0.01}}, \"versions\": {\"piqa\": 0},"
                + " \"config\": {\"model\": \"neox\", \"model_args\": {\"iteration\": 3000}}}");
        Path named = fixture("v0.4.9.2-vllm-qwen2.5-7b-instruct.json");

        for (Path file : List.of(neox, named)) {
            List<JsonNode> events = parse(new LmEvalReader(EventIds.keyed(KEY), false, "my-org/my-model@step3000")
                    .read(file));
            assertFalse(events.isEmpty());
            events.forEach(e -> assertEquals("my-org/my-model@step3000", e.get("model").get("name").asText()));
        }
    }

    @Test
    void aScoreThatIsNotANumberIsReportedAndAnUndefinedStderrLeftOut() throws Exception {
        Reading reading = reader(false).read(write("{\"results\": {\"t\": {\"acc,none\": NaN, \"acc_norm,none\": 0.5,"
                + " \"acc_norm_stderr,none\": NaN}}, \"model_name\": \"m\", \"n-shot\": {}}"));

        assertEquals(2, reading.records().size());
        InputRecord nan = reading.records().get(0);
        assertFalse(nan.readable());
        assertTrue(nan.source().endsWith(" t acc,none"), nan.source());
        assertEquals("the score is NaN, not a finite number", nan.problem());
        JsonNode accNorm = MAPPER.readTree(reading.records().get(1).json());
        assertEquals(50, accNorm.get("score").asDouble(), 1e-12);
        assertFalse(accNorm.has("stderr"));
    }

    @Test
    void eventIdsRepeatWithTheSameKeyOnlyAndAreRandomWithout() throws Exception {
        Path file = fixture("v0.4.9.2-vllm-qwen2.5-7b-instruct.json");
        List<String> first = ids(new LmEvalReader(EventIds.keyed(KEY), false, null).read(file));
        List<String> again = ids(new LmEvalReader(EventIds.keyed(KEY), false, null).read(file));
        List<String> otherKey = ids(new LmEvalReader(EventIds.keyed(KEY + "x"), false, null).read(file));
        List<String> unkeyed = ids(new LmEvalReader(EventIds.random(), false, null).read(file));
        List<String> unkeyedAgain = ids(new LmEvalReader(EventIds.random(), false, null).read(file));

        assertEquals(8, new TreeSet<>(first).size(), "one id per event");
        assertEquals(first, again, "the same key and file give the same ids: publishing again is a no-op");
        for (List<String> other : List.of(otherKey, unkeyed, unkeyedAgain)) {
            assertTrue(other.stream().noneMatch(first::contains), "ids another key gives never collide: " + other);
        }
        assertNotEquals(unkeyed, unkeyedAgain);
        assertTrue(first.stream().allMatch(id -> id.matches("lm-eval-[0-9a-f]{32}")), first.toString());
    }

    @Test
    void aShortKeyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventIds.keyed("short"));
        assertEquals("EVALBOARD_PUBLISH_KEY must have at least 16 characters (it is 5); a short key can be guessed",
                e.getMessage());
    }

    /** Rows: benchmark, metric, score, unit, stderr or -, samples or -, higher or lower. Exactly these events. */
    private static void assertEvents(List<JsonNode> events, String expected) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (JsonNode event : events) {
            JsonNode previous = byKey.put(event.get("benchmark").asText() + " " + event.get("metric").asText(), event);
            assertEquals(null, previous, "two events for one benchmark and metric: " + event);
        }
        List<String> expectedKeys = new ArrayList<>();
        for (String row : expected.strip().split("\n")) {
            String[] cells = row.strip().split("\\s+");
            String key = cells[0] + " " + cells[1];
            expectedKeys.add(key);
            JsonNode event = byKey.get(key);
            assertTrue(event != null, "no event for " + key + " in " + byKey.keySet());
            assertEquals(Double.parseDouble(cells[2]), event.get("score").asDouble(), 1e-9, key + " score");
            assertEquals(cells[3], event.get("unit").asText(), key + " unit");
            if (cells[4].equals("-")) {
                assertFalse(event.has("stderr"), key + " has no stderr");
            } else {
                assertEquals(Double.parseDouble(cells[4]), event.get("stderr").asDouble(), 1e-9, key + " stderr");
            }
            if (cells[5].equals("-")) {
                assertFalse(event.has("samples"), key + " has no sample count");
            } else {
                assertEquals(Long.parseLong(cells[5]), event.get("samples").asLong(), key + " samples");
            }
            assertEquals(cells[6].equals("higher"), event.get("higherIsBetter").asBoolean(), key + " direction");
        }
        assertEquals(new TreeSet<>(expectedKeys), byKey.keySet(), "exactly the expected events");
    }

    private static void assertRun(List<JsonNode> events, String model, Long parameters, String evaluatedAt,
            String source) {
        for (JsonNode event : events) {
            assertEquals(1, event.get("schemaVersion").asInt());
            assertEquals(model, event.get("model").get("name").asText());
            assertEquals(parameters, event.get("model").has("parameters")
                    ? Long.valueOf(event.get("model").get("parameters").asLong()) : null);
            assertEquals(evaluatedAt, event.has("evaluatedAt") ? event.get("evaluatedAt").asText() : null);
            assertEquals(source, event.get("source").asText());
            assertEquals(event.get("benchmark").asText(), event.get("benchmark").asText().strip());
        }
    }

    private void assertUnreadable(String content, String reason) throws IOException {
        Path file = write(content);
        Reading reading = reader(false).read(file);
        assertEquals(1, reading.records().size(), content);
        assertEquals(file.toString(), reading.records().get(0).source());
        assertEquals(reason, reading.records().get(0).problem());
    }

    private List<JsonNode> events(String fixture, boolean subtasks) throws Exception {
        return parse(reader(subtasks).read(fixture(fixture)));
    }

    private static List<JsonNode> parse(Reading reading) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (InputRecord record : reading.records()) {
            assertTrue(record.readable(), record.source() + ": " + record.problem());
            events.add(MAPPER.readTree(record.json()));
            assertEquals(events.get(events.size() - 1).get("model").get("name").asText(), record.key());
        }
        return events;
    }

    private static List<String> ids(Reading reading) throws IOException {
        return parse(reading).stream().map(e -> e.get("eventId").asText()).toList();
    }

    private static LmEvalReader reader(boolean subtasks) {
        return new LmEvalReader(EventIds.keyed(KEY), subtasks, null);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(LmEvalReaderTest.class.getResource("/lm-eval/" + name).toURI());
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "results_", ".json");
        Files.writeString(file, content);
        return file;
    }
}
