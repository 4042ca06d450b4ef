package dev.evalboard.devstack.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalboard.contract.ParseResult;
import dev.evalboard.contract.ResultEventParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a results file of EleutherAI's lm-evaluation-harness into result events: one per task and
 * {@code "metric,filter"} key. Higher-is-better scores reported as fractions (0..1) become percentages; the
 * file's {@code higher_is_better} map decides the direction. The eventId is a hash of
 * model, task, metric and date, so publishing the same file twice is a no-op.
 */
final class LmEvalReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ResultEventParser parser = new ResultEventParser();

    List<InputRecord> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return List.of(InputRecord.unreadable(file.toString(), "not a JSON file: " + e.getMessage().lines().findFirst().orElse("")));
        }
        JsonNode results = root.path("results");
        if (!results.isObject()) {
            return List.of(InputRecord.unreadable(file.toString(), "no \"results\" object: is this an"
                    + " lm-evaluation-harness results file?"));
        }
        String model = modelName(root);
        if (model == null) {
            return List.of(InputRecord.unreadable(file.toString(), "no model name (model_name, or pretrained= in"
                    + " config.model_args, or config.model)"));
        }
        List<InputRecord> records = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> tasks = results.fields(); tasks.hasNext(); ) {
            Map.Entry<String, JsonNode> task = tasks.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = task.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> metric = keys.next();
                String key = metric.getKey();
                if (!key.contains(",") || key.contains("_stderr,") || !metric.getValue().isNumber()) {
                    continue; // alias, stderr entries and non-numeric values are not scores
                }
                records.add(toEvent(file + " " + task.getKey() + " " + key, root, model, task.getKey(), key,
                        metric.getValue().doubleValue(), task.getValue()));
            }
        }
        return records;
    }

    private InputRecord toEvent(String where, JsonNode root, String model, String task, String key, double value,
            JsonNode taskResults) {
        String metricName = key.substring(0, key.indexOf(','));
        String filter = key.substring(key.indexOf(',') + 1);
        String metric = ("none".equals(filter) ? metricName : metricName + ":" + filter).toLowerCase();
        JsonNode direction = root.path("higher_is_better").path(task).path(metricName);
        boolean higherIsBetter = !direction.isBoolean() || direction.booleanValue();
        // A higher-is-better score between 0 and 1 is a fraction (accuracy, exact match); perplexities and
        // bits per byte are lower-is-better raw numbers even when they fall in that range.
        boolean fraction = higherIsBetter && value >= 0 && value <= 1;
        ObjectNode event = MAPPER.createObjectNode();
        event.put("schemaVersion", 1);
        String evaluatedAt = evaluatedAt(root);
        event.put("eventId", eventId(model, task, metric, evaluatedAt));
        ObjectNode modelNode = event.putObject("model").put("name", model);
        long parameters = root.path("config").path("model_num_parameters").asLong(0);
        if (parameters > 0) { // 0 means the harness did not know
            modelNode.put("parameters", parameters);
        }
        event.put("benchmark", task);
        event.put("metric", metric);
        event.put("score", fraction ? value * 100 : value);
        if (!fraction) {
            event.put("unit", "raw");
        }
        if (!higherIsBetter) {
            event.put("higherIsBetter", false);
        }
        JsonNode stderr = taskResults.path(metricName + "_stderr," + filter);
        if (stderr.isNumber()) {
            event.put("stderr", fraction ? stderr.doubleValue() * 100 : stderr.doubleValue());
        }
        JsonNode samples = root.path("n-samples").path(task).path("effective");
        if (samples.canConvertToLong() && samples.asLong() > 0) {
            event.put("samples", samples.asLong());
        }
        if (evaluatedAt != null) {
            event.put("evaluatedAt", evaluatedAt);
        }
        event.put("source", "lm-evaluation-harness " + root.path("lm_eval_version").asText("").strip());
        String json = event.toString();
        ParseResult checked = parser.parse(json.getBytes(StandardCharsets.UTF_8), Instant.now());
        if (checked instanceof ParseResult.Rejected rejected) {
            return InputRecord.unreadable(where, rejected.violation().message());
        }
        return InputRecord.event(where, model, json);
    }

    private static String modelName(JsonNode root) {
        String name = root.path("model_name").asText("").strip();
        if (!name.isEmpty()) {
            return name;
        }
        for (String arg : root.path("config").path("model_args").asText("").split(",")) {
            if (arg.strip().startsWith("pretrained=")) {
                return arg.strip().substring("pretrained=".length());
            }
        }
        String model = root.path("config").path("model").asText("").strip();
        return model.isEmpty() ? null : model;
    }

    /** The harness writes {@code date} as Unix seconds (a number, sometimes as text). */
    private static String evaluatedAt(JsonNode root) {
        JsonNode date = root.path("date");
        try {
            double seconds = date.isNumber() ? date.doubleValue() : Double.parseDouble(date.asText());
            return Instant.ofEpochMilli(Math.round(seconds * 1000)).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String eventId(String model, String task, String metric, String evaluatedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", model, task, metric,
                    String.valueOf(evaluatedAt)).getBytes(StandardCharsets.UTF_8));
            return "lm-eval-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
