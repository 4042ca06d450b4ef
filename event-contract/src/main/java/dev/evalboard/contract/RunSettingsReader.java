package dev.evalboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalboard.contract.EventFields.Text;

/**
 * Reads an event's {@code benchmarkVersion} and {@code settings}, and checks {@code samples} against
 * {@code settings.samplesTotal}. Unknown members of {@code settings} are ignored, as unknown fields of the event are.
 */
final class RunSettingsReader {

    private RunSettingsReader() {
    }

    /** The version after the rules of names (format characters removed, trimmed); null when absent. */
    static String version(JsonNode node) {
        return EventFields.optionalText(node, "/benchmarkVersion", BenchmarkVersions.MAX_LENGTH, Text.NAME);
    }

    static RunSettings settings(JsonNode node, Long samples) {
        if (EventFields.isAbsent(node)) {
            return RunSettings.NONE;
        }
        if (!node.isObject()) {
            throw new InvalidEvent("settings must be an object, not " + EventFields.describe(node), "/settings");
        }
        Integer fewShot = fewShot(node.get("fewShot"));
        Long samplesTotal = EventFields.optionalPositiveInteger(node.get("samplesTotal"), "/settings/samplesTotal");
        if (samples != null && samplesTotal != null && samples > samplesTotal) {
            throw new InvalidEvent("samples (" + samples + ") must not exceed settings.samplesTotal (" + samplesTotal
                    + ")", "/samples");
        }
        return new RunSettings(fewShot, samplesTotal, text(node, "harness"), text(node, "harnessVersion"),
                text(node, "commit"));
    }

    private static Integer fewShot(JsonNode node) {
        if (EventFields.isAbsent(node)) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()
                || node.asLong() < 0 || node.asLong() > RunSettings.MAX_FEW_SHOT) {
            throw new InvalidEvent("settings.fewShot must be a whole number from 0 to " + RunSettings.MAX_FEW_SHOT,
                    "/settings/fewShot");
        }
        return node.asInt();
    }

    private static String text(JsonNode settings, String member) {
        return EventFields.optionalText(settings.get(member), "/settings/" + member, RunSettings.MAX_TEXT_LENGTH,
                Text.LABEL);
    }
}
