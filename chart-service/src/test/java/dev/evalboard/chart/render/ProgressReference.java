package dev.evalboard.chart.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.chart.render.chart.RunningBest;
import dev.evalboard.chart.render.theme.Theme;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The progress chart of the README: the seed's LiveCodeBench v5 results (all evaluated on one day) after the
 * illustrative earlier history in progress-history.jsonl, ordered as query-service orders them (evaluatedAt, then
 * eventId).
 */
public final class ProgressReference {

    public static final String BENCHMARK = "LiveCodeBench v5";

    private record Event(String eventId, ProgressPoint point) {
    }

    private ProgressReference() {
    }

    /** Every run, in query-service's order. */
    public static List<ProgressPoint> runs() {
        List<Event> events = new ArrayList<>();
        for (String resource : List.of("/progress-history.jsonl", "/seed-results.jsonl")) {
            for (JsonNode e : lines(resource)) {
                if (BENCHMARK.equals(e.get("benchmark").asText())) {
                    events.add(new Event(e.get("eventId").asText(), new ProgressPoint(e.at("/model/name").asText(),
                            Instant.parse(e.get("evaluatedAt").asText()), e.get("score").asDouble())));
                }
            }
        }
        events.sort(Comparator.comparing((Event e) -> e.point().evaluatedAt()).thenComparing(Event::eventId));
        return events.stream().map(Event::point).toList();
    }

    public static ProgressChartSpec spec(Theme theme, int width, int height) {
        RunningBest.Split split = RunningBest.split(runs(), true);
        return new ProgressChartSpec("LiveCodeBench v5: best Pass@1 over time", BENCHMARK + " pass@1", split.steps(),
                split.others(), 0, null, null, width, height, theme);
    }

    private static List<JsonNode> lines(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ProgressReference.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
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
