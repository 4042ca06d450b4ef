package dev.evalboard.devstack.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.contract.EventRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each harness version's {@code versions}, {@code n-shot}, {@code n-samples}, {@code lm_eval_version} and
 * {@code git_hash} as the events' {@code benchmarkVersion} and {@code settings}; what a version does not write stays
 * unset.
 */
class LmEvalSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void harness03StatesVersionsOnly() throws Exception {
        assertRuns("v0.3-pythia-160m-step13000.json", """
                cola                  0 - - - - full
                crows_pairs_english   0 - - - - full
                hendrycksTest-anatomy 0 - - - - full
                lambada_openai        0 - - - - full
                squad2                1 - - - - full
                winogrande            0 - - - - full
                """);
    }

    @Test
    void harness04GroupsKeepTheirIntegerVersionAndSubtasksTheirDecimalOne() throws Exception {
        assertRuns("v0.4-groups-olmo-2-7b.json", """
                gsm8k                 3.0 5 1319 - aab42ba8 full
                kobest_boolq          1.0 0 1404 - aab42ba8 full
                mmlu                  2   - -    - aab42ba8 full
                mmlu_abstract_algebra 1.0 5 100  - aab42ba8 full
                mmlu_anatomy          1.0 5 135  - aab42ba8 full
                mmlu_formal_logic     1.0 5 126  - aab42ba8 full
                mmlu_humanities       2   - -    - aab42ba8 full
                mmlu_stem             2   - -    - aab42ba8 full
                mmlu_world_religions  1.0 5 171  - aab42ba8 full
                wikitext              2.0 0 62   - aab42ba8 full
                """);
    }

    @Test
    void harness0492StatesItsVersionButNoCommit() throws Exception {
        assertRuns("v0.4.9.2-vllm-qwen2.5-7b-instruct.json", """
                cola           1.0 0 1043 0.4.9.2 - full
                ifeval         4.0 0 541  0.4.9.2 - full
                truthfulqa_gen 3.0 0 817  0.4.9.2 - full
                """);
    }

    @Test
    void harness0413LimitedTasksArePartial() throws Exception {
        assertRuns("v0.4.13-pythia-1.4b-step143000.json", """
                arc_challenge    1.0 0 1172 0.4.13 4e7e0d47 partial
                arc_easy         1.0 0 2376 0.4.13 4e7e0d47 partial
                mmlu_pro         -   5 -    0.4.13 4e7e0d47 full
                mmlu_pro_math    2.0 5 1351 0.4.13 4e7e0d47 partial
                mmlu_pro_physics 2.0 5 1299 0.4.13 4e7e0d47 partial
                wikitext         2.0 0 62   0.4.13 4e7e0d47 full
                """);
    }

    @Test
    void aVersionOrSettingTheContractRefusesIsLeftOutNotTheScore() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"results\": {\"t\": {\"acc,none\": 0.5}}, \"model_name\": \"m\","
                + " \"versions\": {\"t\": \"N/A\"}, \"n-shot\": {\"t\": -1}, \"n-samples\": {\"t\": {\"original\": 0}},"
                + " \"lm_eval_version\": \"" + "9".repeat(101) + "\", \"git_hash\": \"a\\u0007\"}");
        JsonNode event = MAPPER.readTree(reader().read(file).records().get(0).json());
        assertTrue(!event.has("benchmarkVersion"), event.toString());
        assertEquals(MAPPER.readTree("{\"harness\": \"lm-evaluation-harness\"}"), event.get("settings"));
    }

    /** Rows: benchmark, version, fewShot, samplesTotal, harnessVersion, commit (- for unset), partial or full. */
    private static void assertRuns(String fixture, String expected) throws Exception {
        TreeSet<String> actual = new TreeSet<>();
        for (InputRecord record : reader().read(LmEvalReaderTest.fixture(fixture)).records()) {
            assertTrue(record.readable(), record.source() + ": " + record.problem());
            JsonNode event = MAPPER.readTree(record.json());
            JsonNode settings = event.get("settings");
            assertEquals("lm-evaluation-harness", settings.get("harness").asText());
            Long samples = event.has("samples") ? event.get("samples").asLong() : null;
            Long total = settings.has("samplesTotal") ? settings.get("samplesTotal").asLong() : null;
            List<String> cells = new ArrayList<>(List.of(event.get("benchmark").asText(),
                    text(event, "benchmarkVersion"), text(settings, "fewShot"), text(settings, "samplesTotal"),
                    text(settings, "harnessVersion"), text(settings, "commit"),
                    EventRules.isPartial(samples, total) ? "partial" : "full"));
            actual.add(String.join(" ", cells));
        }
        TreeSet<String> wanted = new TreeSet<>();
        expected.strip().lines().forEach(row -> wanted.add(String.join(" ", row.strip().split("\\s+"))));
        assertEquals(wanted, actual);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : "-";
    }

    private static LmEvalReader reader() {
        return new LmEvalReader(EventIds.random(), true, null);
    }
}
