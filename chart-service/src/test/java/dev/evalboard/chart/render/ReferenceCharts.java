package dev.evalboard.chart.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.chart.render.scale.NumberStyle;
import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.contract.Openness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The two reference charts of the spec, built from the seed results copied into test resources. */
public final class ReferenceCharts {

    public static final List<String> BAR_BENCHMARKS = List.of("AIME 2024", "MATH-500", "GPQA Diamond", "LiveCodeBench");
    public static final List<String> BAR_MODELS = List.of("AM-Distill-Qwen-32B", "DeepSeek-R1-Distill-Qwen-32B",
            "AM-Distill-Qwen-72B", "DeepSeek-R1-Distill-Llama-70B");
    public static final String SCATTER_BENCHMARK = "LiveCodeBench v5";

    private ReferenceCharts() {
    }

    public static BarChartSpec bar(Theme theme) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        for (JsonNode event : seedEvents()) {
            scores.computeIfAbsent(event.at("/model/name").asText(), m -> new LinkedHashMap<>())
                    .put(event.get("benchmark").asText(), event.get("score").asDouble());
        }
        List<BarSeries> series = new ArrayList<>();
        for (String model : BAR_MODELS) {
            List<Double> values = new ArrayList<>();
            for (String benchmark : BAR_BENCHMARKS) {
                values.add(scores.get(model).get(benchmark));
            }
            series.add(new BarSeries(model, values));
        }
        return new BarChartSpec("Model Accuracy Comparison Across Datasets", "Accuracy (Pass@1)", BAR_BENCHMARKS,
                series, Set.of("AM-Distill-Qwen-32B", "AM-Distill-Qwen-72B"), 30.0, 100.0, 800, 500, theme, true);
    }

    public static ScatterChartSpec scatter(Theme theme) {
        List<ScatterPoint> points = new ArrayList<>();
        for (JsonNode event : seedEvents()) {
            if (SCATTER_BENCHMARK.equals(event.get("benchmark").asText())) {
                Openness openness = Openness.fromWireNameOrUnknown(event.at("/model/openness").asText());
                points.add(new ScatterPoint(event.at("/model/name").asText(), event.at("/model/parameters").asDouble(),
                        event.get("score").asDouble(), openness));
            }
        }
        return new ScatterChartSpec("LiveCodeBench v5 Performance vs. Total Parameters", "Total Parameters",
                "LiveCodeBench v5 Pass@1 Score", points, NumberStyle.SI, true, Set.of("DASD-4B-Thinking"), "Our Model",
                true, true, null, null, null, null, null, 800, 500, theme);
    }

    private static List<JsonNode> seedEvents() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ReferenceCharts.class.getResourceAsStream("/seed-results.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
