package dev.evalboard.devstack.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalboard.contract.BenchmarkVersions;
import dev.evalboard.contract.RunSettings;
import java.util.Optional;

/**
 * A task's version and run settings as a results file states them: {@code versions} (every harness version),
 * {@code n-shot}, {@code n-samples} ({@code original}: the task's size), {@code lm_eval_version} (0.4.9 and later) and
 * {@code git_hash} (0.4). What a file does not state stays unset; a value the contract would refuse is left out
 * rather than losing the score with it.
 */
final class LmEvalSettings {
    static final String HARNESS = "lm-evaluation-harness";

    private LmEvalSettings() {
    }

    /** {@code versions[task]}: a number as its JSON text (1 is "1", 1.0 is "1.0"), or a string; "N/A" is none. */
    static Optional<String> version(JsonNode root, String task) {
        JsonNode version = root.path("versions").path(task);
        String text = version.isNumber() || version.isTextual() ? version.asText().strip() : "";
        return text.equals("N/A") || !BenchmarkVersions.isVersion(text) ? Optional.empty() : Optional.of(text);
    }

    /** The event's {@code settings}: the harness always, the other members when the file states them. */
    static ObjectNode of(JsonNode root, String task) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode().put("harness", HARNESS);
        JsonNode shots = root.path("n-shot").path(task);
        if (shots.canConvertToExactIntegral() && shots.asLong() >= 0 && shots.asLong() <= RunSettings.MAX_FEW_SHOT) {
            settings.put("fewShot", shots.asInt());
        }
        JsonNode original = root.path("n-samples").path(task).path("original");
        if (original.canConvertToExactIntegral() && original.canConvertToLong() && original.asLong() >= 1) {
            settings.put("samplesTotal", original.asLong());
        }
        text(root.path("lm_eval_version")).ifPresent(version -> settings.put("harnessVersion", version));
        text(root.path("git_hash")).ifPresent(commit -> settings.put("commit", commit));
        return settings;
    }

    private static Optional<String> text(JsonNode node) {
        String text = node.isTextual() ? node.textValue().strip() : "";
        boolean fits = !text.isEmpty() && text.length() <= RunSettings.MAX_TEXT_LENGTH
                && text.chars().noneMatch(Character::isISOControl);
        return fits ? Optional.of(text) : Optional.empty();
    }
}
