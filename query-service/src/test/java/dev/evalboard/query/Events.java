package dev.evalboard.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Builds result events for test-specific data; each test names its models and benchmarks with a fresh prefix. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode event = JSON.createObjectNode();
    private final ObjectNode model = event.putObject("model");

    private Events(String modelName, String benchmark, double score) {
        event.put("eventId", UUID.randomUUID().toString());
        model.put("name", modelName);
        event.put("benchmark", benchmark);
        event.put("score", score);
        event.put("evaluatedAt", "2025-06-01T00:00:00Z");
    }

    public static Events result(String modelName, String benchmark, double score) {
        return new Events(modelName, benchmark, score);
    }

    /** A prefix that keeps one test's names apart from every other test's and run's. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + " ";
    }

    public Events parameters(long parameters) {
        model.put("parameters", parameters);
        return this;
    }

    public Events activeParameters(long activeParameters) {
        model.put("activeParameters", activeParameters);
        return this;
    }

    public Events openness(String openness) {
        model.put("openness", openness);
        return this;
    }

    public Events metric(String metric) {
        event.put("metric", metric);
        return this;
    }

    public Events raw() {
        event.put("unit", "raw");
        return this;
    }

    public Events lowerIsBetter() {
        event.put("higherIsBetter", false);
        return this;
    }

    public Events stderr(double stderr) {
        event.put("stderr", stderr);
        return this;
    }

    public Events baseline(double baseline) {
        event.put("benchmarkBaseline", baseline);
        return this;
    }

    public Events costUsd(double cost) {
        event.put("costUsd", cost);
        return this;
    }

    public Events eventId(String eventId) {
        event.put("eventId", eventId);
        return this;
    }

    public Events version(String version) {
        event.put("benchmarkVersion", version);
        return this;
    }

    /** {@code samples} of the benchmark's {@code samplesTotal}, with the harness that ran them. */
    public Events samples(long samples, long samplesTotal) {
        event.put("samples", samples);
        event.putObject("settings").put("fewShot", 5).put("samplesTotal", samplesTotal)
                .put("harness", "lm-evaluation-harness").put("harnessVersion", "0.4.9").put("commit", "abc1234");
        return this;
    }

    public Events evaluatedAt(String instant) {
        event.put("evaluatedAt", instant);
        return this;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
