package dev.evalboard.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds result events as JSON text, the way a producer would write them. */
final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static ObjectNode event(String eventId, String model, String benchmark, double score, String evaluatedAt) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("schemaVersion", 1);
        event.put("eventId", eventId);
        event.putObject("model").put("name", model);
        event.put("benchmark", benchmark);
        event.put("score", score);
        if (evaluatedAt != null) {
            event.put("evaluatedAt", evaluatedAt);
        }
        return event;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
