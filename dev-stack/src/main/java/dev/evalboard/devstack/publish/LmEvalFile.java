package dev.evalboard.devstack.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One lm-evaluation-harness results file, read the way each harness version writes it: which format it is, what model
 * (and revision) was evaluated, and how its tasks nest in groups.
 */
final class LmEvalFile {
    /** 0.3 writes {@code "acc"}, {@code "acc_stderr"}; 0.4 and later {@code "acc,none"}, {@code "acc_stderr,none"}. */
    enum Format { V03, V04 }

    /** Model-argument keys that name the model, in the harness's order (an adapter names the run before its base). */
    private static final List<String> NAME_KEYS = List.of("peft", "delta", "pretrained", "model", "path", "engine");
    /** Top-level sections only 0.4 and later write. */
    private static final List<String> V04_SECTIONS = List.of("group_subtasks", "n-samples", "higher_is_better",
            "n-shot", "lm_eval_version");

    final JsonNode root;
    final Format format;
    final String model;
    /** Every entry of {@code results} (and of {@code groups}, for versions that list a group only there), in order. */
    final Map<String, JsonNode> entries;
    private final Map<String, List<String>> children = new HashMap<>();

    private LmEvalFile(JsonNode root, Format format, String model, Map<String, JsonNode> entries) {
        this.root = root;
        this.format = format;
        this.model = model;
        this.entries = entries;
        root.path("group_subtasks").fields().forEachRemaining(group -> {
            List<String> names = new ArrayList<>();
            group.getValue().forEach(child -> names.add(child.asText()));
            children.put(group.getKey(), names);
        });
    }

    /**
     * The file's reading, or the reason it is not a results file this reader knows. {@code model}, when not null,
     * names the evaluated model instead of the file (for runs that do not name it, such as GPT-NeoX's evaluations).
     */
    static LmEvalFile of(JsonNode root, String model) throws Unreadable {
        JsonNode results = root.path("results");
        if (!results.isObject()) {
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            String found = results.isMissingNode() ? "no \"results\" object"
                    : "\"results\" is " + (results.isArray() ? "a list" : "a " + results.getNodeType().name()
                            .toLowerCase(Locale.ROOT)) + ", not an object";
            throw new Unreadable(found + (keys.isEmpty() ? "" : " (top-level keys: " + String.join(", ",
                    keys.subList(0, Math.min(keys.size(), 5))) + (keys.size() > 5 ? ", ..." : "") + ")")
                    + ": not an lm-evaluation-harness results file");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        results.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        root.path("groups").fields().forEachRemaining(e -> entries.putIfAbsent(e.getKey(), e.getValue()));
        Format format = format(root, entries);
        return new LmEvalFile(root, format, model != null ? model : modelName(root), entries);
    }

    private static Format format(JsonNode root, Map<String, JsonNode> entries) throws Unreadable {
        boolean metricFilterKeys = entries.values().stream().anyMatch(entry -> {
            for (var keys = entry.fieldNames(); keys.hasNext(); ) {
                if (keys.next().contains(",")) {
                    return true;
                }
            }
            return false;
        });
        if (metricFilterKeys || V04_SECTIONS.stream().anyMatch(root::has)) {
            return Format.V04;
        }
        if (root.path("versions").isObject()) {
            return Format.V03;
        }
        throw new Unreadable("unknown results format: neither \"metric,filter\" scores (harness 0.4 and later) nor a"
                + " \"versions\" map beside \"results\" (harness 0.3)");
    }

    /** The evaluated model; {@code name@revision} when a revision other than {@code main} was evaluated. */
    private static String modelName(JsonNode root) throws Unreadable {
        JsonNode config = root.path("config");
        String name = root.path("model_name").asText("").strip();
        for (int i = 0; name.isEmpty() && i < NAME_KEYS.size(); i++) {
            name = modelArg(config, NAME_KEYS.get(i)).orElse("");
        }
        if (name.isEmpty() && config.path("model").asText("").contains("/")) {
            name = config.path("model").asText().strip(); // a model object's name_or_path; "hf" or "vllm" name no model
        }
        if (name.isEmpty()) {
            throw new Unreadable("no model name: model_name is empty and config.model_args has none of "
                    + String.join("=, ", NAME_KEYS) + "= (name it with --model)");
        }
        String revision = modelArg(config, "revision").or(() -> Optional.of(config.path("model_revision").asText("")))
                .map(String::strip).orElse("");
        return revision.isEmpty() || revision.equals("main") || name.endsWith("@" + revision) ? name
                : name + "@" + revision;
    }

    /** {@code config.model_args}: {@code "k=v,k=v"} text (0.3 to 0.4.9 CLI) or an object (Python API, vLLM). */
    private static Optional<String> modelArg(JsonNode config, String key) {
        JsonNode args = config.path("model_args");
        if (args.isObject()) {
            JsonNode value = args.path(key);
            return value.isValueNode() && !value.isNull() ? Optional.of(value.asText().strip()) : Optional.empty();
        }
        for (String arg : args.asText("").split(",")) {
            int equals = arg.indexOf('=');
            if (equals > 0 && arg.substring(0, equals).strip().equals(key)) {
                return Optional.of(arg.substring(equals + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** Whether a group containing this entry, at any depth, has scores of its own in this file. */
    boolean isSubtask(String name) {
        if (children.isEmpty()) {
            // 0.4.0 and 0.4.1 write no group_subtasks; they indent a nested entry's alias ("  - mmlu_anatomy")
            return entries.get(name).path("alias").asText("").startsWith(" ");
        }
        return ancestors(name, new HashSet<>()).stream().anyMatch(this::hasScores);
    }

    private Set<String> ancestors(String name, Set<String> found) {
        children.forEach((group, members) -> {
            if (members.contains(name) && found.add(group)) {
                ancestors(group, found);
            }
        });
        return found;
    }

    boolean hasScores(String name) {
        JsonNode entry = entries.get(name);
        if (entry == null) {
            return false;
        }
        for (var fields = entry.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (isScoreKey(field.getKey()) && field.getValue().isNumber()) {
                return true;
            }
        }
        return false;
    }

    boolean isScoreKey(String key) {
        return format == Format.V04 ? key.contains(",") && !key.contains("_stderr,") : !key.endsWith("_stderr");
    }

    /**
     * The documents behind one score: a group's own {@code sample_count} (0.4.12 and later), else the entry's
     * {@code n-samples} (what was evaluated after {@code --limit}), else for a group the sum over the leaf tasks that
     * report this score, as the harness weighs them.
     */
    OptionalLong samples(String name, String scoreKey) {
        JsonNode counted = entries.get(name).path("sample_count").path(scoreKey);
        if (counted.canConvertToLong() && counted.asLong() > 0) {
            return OptionalLong.of(counted.asLong());
        }
        JsonNode effective = root.path("n-samples").path(name).path("effective");
        if (effective.canConvertToLong() && effective.asLong() > 0) {
            return OptionalLong.of(effective.asLong());
        }
        if (!children.containsKey(name) || children.get(name).isEmpty()) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (String leaf : leaves(name)) {
            if (entries.containsKey(leaf) && entries.get(leaf).has(scoreKey)) {
                OptionalLong part = samples(leaf, scoreKey);
                if (part.isEmpty()) {
                    return OptionalLong.empty();
                }
                sum += part.getAsLong();
            }
        }
        return sum > 0 ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    private Set<String> leaves(String group) {
        Set<String> leaves = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>(Set.of(group));
        List<String> pending = new ArrayList<>(children.getOrDefault(group, List.of()));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            List<String> below = children.getOrDefault(next, List.of());
            if (below.isEmpty()) {
                leaves.add(next);
            } else if (seen.add(next)) {
                pending.addAll(below);
            }
        }
        return leaves;
    }

    /** What the file says about a metric's direction: true, false, or null when it is silent or undecided. */
    Boolean higherIsBetter(String name, String metric) {
        JsonNode said = root.path("higher_is_better").path(name).path(metric);
        return said.isBoolean() ? said.booleanValue() : null;
    }

    /** The harness writes {@code date} (when the run started) as Unix seconds; 0.3 files have none. */
    Optional<String> evaluatedAt() {
        JsonNode date = root.path("date");
        try {
            double seconds = date.isNumber() ? date.doubleValue() : Double.parseDouble(date.asText());
            return Double.isFinite(seconds) ? Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)).toString())
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    OptionalLong parameters() {
        long parameters = root.path("config").path("model_num_parameters").asLong(0);
        return parameters > 0 ? OptionalLong.of(parameters) : OptionalLong.empty(); // 0: the harness did not know
    }

    String source() {
        String version = root.path("lm_eval_version").asText("").strip();
        return version.isEmpty() ? "lm-evaluation-harness" : "lm-evaluation-harness " + version;
    }

    /** Why a file cannot be read; the message is shown to the user beside the file name. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
