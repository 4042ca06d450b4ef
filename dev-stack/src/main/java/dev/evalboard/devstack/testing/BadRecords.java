package dev.evalboard.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of every kind the event contract rejects, by a short name of the kind. The ingest tests and the
 * fault-injection suite publish these and expect each in the dead-letter topic.
 */
public final class BadRecords {

    private BadRecords() {
    }

    /** The catalogue, in a fixed order; {@code run} makes the event ids of this call unique. */
    public static Map<String, byte[]> catalogue(String run) {
        String ok = "{\"eventId\":\"x-" + run + "\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("not JSON", utf8("this is not json"));
        bad.put("not an object", utf8("[1,2]"));
        bad.put("missing eventId", utf8("{\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1}"));
        bad.put("missing model.name", utf8("{\"eventId\":\"e\",\"model\":{},\"benchmark\":\"b\",\"score\":1}"));
        bad.put("missing benchmark", utf8("{\"eventId\":\"e\",\"model\":{\"name\":\"m\"},\"score\":1}"));
        bad.put("missing score", utf8(ok + "\"metric\":\"pass@1\"}"));
        bad.put("wrong type", utf8(ok + "\"score\":\"high\"}"));
        bad.put("NaN score", utf8(ok + "\"score\":NaN}"));
        bad.put("Infinity score", utf8(ok + "\"score\":Infinity}"));
        bad.put("score 100.5", utf8(ok + "\"score\":100.5}"));
        bad.put("negative parameters", utf8(withModel(ok, "\"parameters\":-1") + "\"score\":1}"));
        bad.put("non-integer parameters", utf8(withModel(ok, "\"parameters\":1.5") + "\"score\":1}"));
        bad.put("activeParameters > parameters",
                utf8(withModel(ok, "\"parameters\":2,\"activeParameters\":3") + "\"score\":1}"));
        bad.put("unknown openness", utf8(withModel(ok, "\"openness\":\"public\"") + "\"score\":1}"));
        bad.put("unparsable evaluatedAt", utf8(ok + "\"score\":1,\"evaluatedAt\":\"last tuesday\"}"));
        bad.put("10 KB model name", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"" + "n".repeat(10_240) + "\"")
                + "\"score\":1}"));
        bad.put("control characters", utf8(ok.replace("\"name\":\"m\"", "\"name\":\"m\\u001b[31m\"")
                + "\"score\":1}"));
        bad.put("unknown newer schemaVersion", utf8(ok + "\"score\":1,\"schemaVersion\":99}"));
        bad.put("empty value", new byte[0]);
        bad.put("invalid UTF-8", new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
        bad.put("evaluatedAt in year 9999", utf8(ok + "\"score\":1,\"evaluatedAt\":\"9999-12-31T23:59:59Z\"}"));
        bad.put("raw score 1.7e308", utf8(ok + "\"score\":1.7e308,\"unit\":\"raw\"}"));
        bad.put("javascript: source", utf8(ok + "\"score\":1,\"source\":\"javascript:alert(1)\"}"));
        return bad;
    }

    private static String withModel(String event, String attributes) {
        return event.replace("\"name\":\"m\"", "\"name\":\"m\"," + attributes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
