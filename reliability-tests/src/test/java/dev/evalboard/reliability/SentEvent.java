package dev.evalboard.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A valid result event a scenario publishes, with the fields the store check compares. */
record SentEvent(String eventId, String model, String benchmark, String metric, double score, Instant evaluatedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] key() {
        return model.getBytes(StandardCharsets.UTF_8);
    }

    byte[] value() {
        ObjectNode event = JSON.createObjectNode().put("schemaVersion", 1).put("eventId", eventId);
        event.putObject("model").put("name", model).put("parameters", parameters()).put("openness", "open-weights");
        event.put("benchmark", benchmark).put("metric", metric).put("score", score)
                .put("evaluatedAt", evaluatedAt.toString()).put("source", "evalboard reliability suite");
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The (model, benchmark, metric) whose current result this event may become. */
    String currentKey() {
        return model + "\u0000" + benchmark + "\u0000" + metric;
    }

    /** The line the checksum covers: the same text for a sent event and for its stored row. */
    String checksumLine() {
        return eventId + "|" + model + "|" + benchmark + "|" + metric + "|" + score + "|" + evaluatedAt;
    }

    private long parameters() {
        return (1L + Math.floorMod(model.hashCode(), 400)) * 1_000_000_000L;
    }
}
