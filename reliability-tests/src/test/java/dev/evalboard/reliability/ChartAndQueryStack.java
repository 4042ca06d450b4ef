package dev.evalboard.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.devstack.SeedData;
import dev.evalboard.devstack.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side for the fuzz and soak scenarios: ingest, query and chart services on a lab, holding the reference
 * events plus models whose names are hostile but valid (markup, right-to-left text, emoji), which every page and
 * chart must show escaped.
 */
record ChartAndQueryStack(ServiceProcess ingest, ServiceProcess query, ServiceProcess chart, List<String> benchmarks,
        List<String> models) {
    static final String PREFIX = "stored";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> HOSTILE_MODEL_NAMES = List.of("<script>alert('stored')</script>",
            "\"><svg onload=alert('stored')>", "Model & Sons <b>bold</b>", "\u202Edesrever\u202C model",
            "\uD83D\uDD25 emoji model", "]]> cdata model");

    static ChartAndQueryStack start(FaultLab lab) throws Exception {
        ServiceProcess ingest = lab.startIngest("ingest");
        ServiceProcess query = lab.startQuery();
        ServiceProcess chart = lab.startChart(query);
        List<StreamPublisher.Message> messages = new ArrayList<>();
        SeedData.lines().forEach(line -> messages.add(new StreamPublisher.Message(null,
                line.getBytes(StandardCharsets.UTF_8))));
        List<SentEvent> hostile = hostileNamedEvents();
        hostile.forEach(event -> messages.add(StreamPublisher.Message.of(event)));
        try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(), messages, 10_000)) {
            publisher.awaitAllAcknowledged(Duration.ofMinutes(1));
        }
        Await.until("the hostile-named events stored", Duration.ofMinutes(1),
                () -> lab.storedCount(PREFIX) == hostile.size(), () -> "fewer");
        List<String> models = new ArrayList<>(HOSTILE_MODEL_NAMES);
        List<String> benchmarks = new ArrayList<>();
        for (String line : SeedData.lines()) {
            JsonNode event = JSON.readTree(line);
            models.add(event.path("model").path("name").asText());
            benchmarks.add(event.path("benchmark").asText());
        }
        return new ChartAndQueryStack(ingest, query, chart, benchmarks.stream().distinct().toList(),
                models.stream().distinct().toList());
    }

    /** Each hostile name on two reference benchmarks, so it shows in leaderboards, tables and both charts. */
    private static List<SentEvent> hostileNamedEvents() {
        List<SentEvent> events = new ArrayList<>();
        for (int i = 0; i < HOSTILE_MODEL_NAMES.size(); i++) {
            for (String benchmark : List.of("AIME 2024", "LiveCodeBench v5")) {
                events.add(new SentEvent(PREFIX + "-" + i + "-" + benchmark.length(), HOSTILE_MODEL_NAMES.get(i),
                        benchmark, "pass@1", 40 + i * 5, Instant.parse("2025-06-01T00:00:00Z")));
            }
        }
        return events;
    }
}
