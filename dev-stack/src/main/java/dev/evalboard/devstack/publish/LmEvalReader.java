package dev.evalboard.devstack.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalboard.contract.ParseResult;
import dev.evalboard.contract.ResultEventParser;
import dev.evalboard.devstack.publish.LmEvalMetrics.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Turns a results file of EleutherAI's lm-evaluation-harness (0.3 to 0.4.13) into result events: one per task or group
 * and score key. The README's table says which fields are read and how each maps to the event. A group's subtasks are
 * left out unless asked for, so a list of benchmarks never shows a group beside its own parts.
 */
final class LmEvalReader {
    // json.dump writes NaN as a bare literal, as the harness does for an undefined stderr
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String EVENT_ID_PREFIX = "lm-eval-";

    private final ResultEventParser parser = new ResultEventParser();
    private final EventIds eventIds;
    private final boolean subtasks;
    private final String model;

    /** {@code model}: the model every file evaluated, or null to read it from each file. */
    LmEvalReader(EventIds eventIds, boolean subtasks, String model) {
        this.eventIds = eventIds;
        this.subtasks = subtasks;
        this.model = model;
    }

    Reading read(Path file) throws IOException {
        try {
            JsonNode root;
            try {
                root = MAPPER.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new LmEvalFile.Unreadable("not a JSON file (" + e.getOriginalMessage().lines().findFirst()
                        .orElse("") + ")" + (file.getFileName().toString().startsWith("samples_")
                                ? ": samples_*.jsonl hold per-document outputs; publish the results_*.json file" : ""));
            }
            return events(file, LmEvalFile.of(root == null ? MAPPER.missingNode() : root, model));
        } catch (LmEvalFile.Unreadable e) {
            return Reading.of(List.of(InputRecord.unreadable(file.toString(), e.getMessage())));
        }
    }

    private Reading events(Path file, LmEvalFile results) throws LmEvalFile.Unreadable {
        List<InputRecord> records = new ArrayList<>();
        TreeSet<String> leftOut = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : results.entries.entrySet()) {
            String task = entry.getKey();
            if (!results.hasScores(task)) {
                continue; // a group without aggregate scores, or an entry with only an alias
            }
            if (!subtasks && results.isSubtask(task)) {
                leftOut.add(task);
                continue;
            }
            for (var fields = entry.getValue().fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (results.isScoreKey(field.getKey()) && field.getValue().isNumber()) {
                    records.add(toEvent(file + " " + task + " " + field.getKey(), results, task, field.getKey(),
                            field.getValue().doubleValue()));
                }
            }
        }
        if (records.isEmpty()) {
            throw new LmEvalFile.Unreadable("no score could be read: " + (results.entries.isEmpty()
                    ? "\"results\" is empty"
                    : "no entry of \"results\" has a numeric " + (results.format == LmEvalFile.Format.V04
                            ? "\"metric,filter\" value" : "metric value")));
        }
        List<String> notes = leftOut.isEmpty() ? List.of() : List.of(String.format(Locale.ROOT,
                "%s: left out %d subtasks of groups that have scores of their own (--subtasks publishes them too)",
                file, leftOut.size()));
        return new Reading(records, notes);
    }

    private InputRecord toEvent(String where, LmEvalFile results, String task, String key, double value) {
        boolean v04 = results.format == LmEvalFile.Format.V04;
        String metricName = v04 ? key.substring(0, key.indexOf(',')) : key;
        String filter = v04 ? key.substring(key.indexOf(',') + 1) : "none";
        String metric = ("none".equals(filter) ? metricName : metricName + ":" + filter).toLowerCase(Locale.ROOT);
        if (!Double.isFinite(value)) {
            return InputRecord.unreadable(where, "the score is " + value + ", not a finite number");
        }
        String lowerTask = task.toLowerCase(Locale.ROOT);
        String lowerMetric = metricName.toLowerCase(Locale.ROOT);
        Scale scale = LmEvalMetrics.scale(lowerTask, lowerMetric);
        Optional<String> evaluatedAt = results.evaluatedAt();

        ObjectNode event = MAPPER.createObjectNode();
        event.put("schemaVersion", 1);
        event.put("eventId", eventIds.of(EVENT_ID_PREFIX, results.model, task, metric, evaluatedAt.orElse(""),
                Double.toString(value)));
        ObjectNode model = event.putObject("model").put("name", results.model);
        results.parameters().ifPresent(parameters -> model.put("parameters", parameters));
        event.put("benchmark", task);
        LmEvalSettings.version(results.root, task).ifPresent(version -> event.put("benchmarkVersion", version));
        event.put("metric", metric);
        event.put("score", value * scale.factor);
        event.put("unit", scale.unit.wireName());
        event.put("higherIsBetter", LmEvalMetrics.higherIsBetter(lowerTask, lowerMetric,
                results.higherIsBetter(task, metricName)));
        JsonNode stderr = results.entries.get(task).path(v04 ? metricName + "_stderr," + filter : key + "_stderr");
        if (stderr.isNumber() && Double.isFinite(stderr.doubleValue())) { // "N/A" when the harness could not tell
            event.put("stderr", stderr.doubleValue() * scale.factor);
        }
        OptionalLong samples = results.samples(task, key);
        samples.ifPresent(count -> event.put("samples", count));
        evaluatedAt.ifPresent(instant -> event.put("evaluatedAt", instant));
        event.put("source", results.source());
        event.set("settings", LmEvalSettings.of(results.root, task));

        String json = event.toString();
        if (parser.parse(json.getBytes(StandardCharsets.UTF_8), Instant.now())
                instanceof ParseResult.Rejected rejected) {
            return InputRecord.unreadable(where, rejected.violation().message());
        }
        return InputRecord.event(where, results.model, json);
    }
}
