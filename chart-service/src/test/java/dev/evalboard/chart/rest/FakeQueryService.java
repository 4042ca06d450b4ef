package dev.evalboard.chart.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.ProgressReference;
import dev.evalboard.chart.render.chart.RunningBest;
import dev.evalboard.chart.dashboard.FakeBoardService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for query-service speaking the contract's JSON over real HTTP, so the REST client,
 * its error mapping and fault tolerance are exercised. Answers come from the seed results; the
 * benchmark "Unknown Bench" gets a 404 problem and "Broken" a 500, and so does everything while
 * {@link #FAILING} is set. The real query-service path is
 * covered by the end-to-end test of the whole stack, not here.
 */
public class FakeQueryService implements QuarkusTestResourceLifecycleManager {

    /** Requests seen per path and query, to check caching. */
    public static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    /** While set, every request fails with a 500, as a crashing query-service would answer. */
    public static final AtomicBoolean FAILING = new AtomicBoolean();

    /** The {@code Evalboard-Changes-Seen} header of every answer: the change-feed offset it reflects. */
    public static final AtomicLong CHANGES_SEEN = new AtomicLong(-1);

    /** Added to every score answered, to stand for data that changed. */
    public static final AtomicInteger SCORE_SHIFT = new AtomicInteger();

    /** The standard error the fake gives every score (the seed results state none). */
    static final double STDERR = 1.5;

    /** query-service's frontier for LiveCodeBench v5 by parameters, as it would compute it. */
    static final Set<String> LCB_FRONTIER = Set.of("Mistral3-3B", "DASD-4B-Thinking");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROGRESS_PREFIX = "/api/v1/benchmarks/";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        // As query-service's server does: without it, the JDK server's separate writes of headers and body meet
        // the client's delayed ACK, and every answer of the fake took 40 ms more (read once, at the first server).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/leaderboard", exchange -> answer(exchange, this::leaderboard));
        server.createContext("/api/v1/pareto", exchange -> answer(exchange, this::pareto));
        server.createContext(PROGRESS_PREFIX, exchange -> answer(exchange, this::progress));
        FakeBoardService.register(server);
        server.start();
        return Map.of("quarkus.rest-client.query-api.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private interface Handler {
        JsonNode handle(Map<String, List<String>> query);
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        HITS.computeIfAbsent(exchange.getRequestURI().getPath() + "?" + raw, k -> new AtomicInteger()).incrementAndGet();
        Map<String, List<String>> query = parse(raw);
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(PROGRESS_PREFIX)) {
            // The progress route names its benchmark in the path: /api/v1/benchmarks/{benchmark}/progress.
            query.put("benchmark", List.of(decode(path.substring(PROGRESS_PREFIX.length(), path.lastIndexOf('/')))));
        }
        List<String> benchmarks = query.getOrDefault("benchmark", List.of());
        int status = 200;
        JsonNode body;
        if (benchmarks.contains("Unknown Bench")) {
            status = 404;
            body = JSON.createObjectNode().put("type", "about:blank").put("title", "Not Found").put("status", 404)
                    .put("detail", "unknown benchmark: Unknown Bench");
        } else if (benchmarks.contains("Broken") || FAILING.get()) {
            status = 500;
            body = JSON.createObjectNode().put("title", "Internal Server Error");
        } else {
            body = handler.handle(query);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.getResponseHeaders().add("Evalboard-Changes-Seen", Long.toString(CHANGES_SEEN.get()));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private JsonNode leaderboard(Map<String, List<String>> query) {
        List<String> benchmarks = query.get("benchmark");
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        for (JsonNode e : seed()) {
            if (benchmarks.contains(e.get("benchmark").asText())) {
                scores.computeIfAbsent(e.at("/model/name").asText(), m -> new LinkedHashMap<>())
                        .put(e.get("benchmark").asText(), e.get("score").asDouble() + SCORE_SHIFT.get());
            }
        }
        List<Map.Entry<String, Map<String, Double>>> complete = new ArrayList<>();
        List<Map.Entry<String, Map<String, Double>>> partial = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : scores.entrySet()) {
            (entry.getValue().keySet().containsAll(benchmarks) ? complete : partial).add(entry);
        }
        complete.sort(Comparator.comparingDouble((Map.Entry<String, Map<String, Double>> e) -> -mean(e.getValue())));
        ObjectNode table = JSON.createObjectNode();
        benchmarks.forEach(table.putArray("benchmarks")::add);
        ArrayNode rows = table.putArray("rows");
        int rank = 1;
        for (Map.Entry<String, Map<String, Double>> e : complete) {
            row(rows, e, benchmarks).put("rank", rank++);
        }
        for (Map.Entry<String, Map<String, Double>> e : partial) {
            row(rows, e, benchmarks).putNull("rank");
        }
        // As query-service pages the table: the first `limit` rows.
        int limit = Integer.parseInt(query.getOrDefault("limit", List.of("50")).get(0));
        while (rows.size() > limit) {
            rows.remove(rows.size() - 1);
        }
        return table;
    }

    private static ObjectNode row(ArrayNode rows, Map.Entry<String, Map<String, Double>> e, List<String> benchmarks) {
        ObjectNode row = rows.addObject();
        row.put("model", e.getKey()).put("mean", mean(e.getValue()));
        ObjectNode s = row.putObject("scores");
        e.getValue().forEach(s::put);
        ObjectNode errors = row.putObject("stderrs");
        e.getValue().keySet().forEach(benchmark -> errors.put(benchmark, STDERR));
        ArrayNode missing = row.putArray("missing");
        benchmarks.stream().filter(b -> !e.getValue().containsKey(b)).forEach(missing::add);
        return row;
    }

    /**
     * As query-service answers: the frontier, at most {@code dominatedLimit} dominated points, and the models named
     * by {@code model} in {@code requested}. Named models are left out of the dominated page, as they are when
     * they rank beyond it, so a chart must take them from {@code requested}.
     */
    private JsonNode pareto(Map<String, List<String>> query) {
        String benchmark = query.get("benchmark").get(0);
        int dominatedLimit = Integer.parseInt(query.getOrDefault("dominatedLimit", List.of("0")).get(0));
        List<String> named = query.getOrDefault("model", List.of());
        ObjectNode set = JSON.createObjectNode().put("x", query.get("x").get(0)).put("y", benchmark);
        ArrayNode frontier = set.putArray("frontier");
        ArrayNode dominated = set.putArray("dominated");
        ArrayNode requested = set.putArray("requested");
        long dominatedTotal = 0;
        for (JsonNode e : seed()) {
            if (e.get("benchmark").asText().equals(benchmark)) {
                String model = e.at("/model/name").asText();
                boolean onFrontier = LCB_FRONTIER.contains(model);
                dominatedTotal += onFrontier ? 0 : 1;
                ArrayNode list = onFrontier ? frontier : named.contains(model) ? requested
                        : dominated.size() < dominatedLimit ? dominated : null;
                if (list != null) {
                    list.addObject().put("model", model).put("x", e.at("/model/parameters").asLong())
                            .put("y", e.get("score").asDouble()).put("openness", e.at("/model/openness").asText())
                            .put("parameters", e.at("/model/parameters").asLong()).put("stderr", STDERR);
                }
            }
        }
        set.put("dominatedTotal", dominatedTotal).put("excluded", 0);
        return set;
    }

    /** The running best of the seed's runs of a benchmark, after the illustrative history of LiveCodeBench v5. */
    private JsonNode progress(Map<String, List<String>> query) {
        String benchmark = query.get("benchmark").get(0);
        List<ProgressPoint> runs = new ArrayList<>();
        if (benchmark.equals(ProgressReference.BENCHMARK)) {
            runs.addAll(ProgressReference.runs());
        } else {
            for (JsonNode e : seed()) {
                if (e.get("benchmark").asText().equals(benchmark)) {
                    runs.add(new ProgressPoint(e.at("/model/name").asText(),
                            Instant.parse(e.get("evaluatedAt").asText()), e.get("score").asDouble()));
                }
            }
        }
        RunningBest.Split split = RunningBest.split(runs, true);
        boolean withRuns = query.getOrDefault("runs", List.of("false")).get(0).equals("true");
        ObjectNode answer = JSON.createObjectNode().put("benchmark", benchmark).put("metric", "pass@1")
                .put("higherIsBetter", true).put("runCount", runs.size()).put("stepCount", split.steps().size());
        split.steps().forEach(p -> run(answer.withArray("steps"), p));
        answer.putArray("runs");
        if (withRuns) {
            split.others().forEach(p -> run(answer.withArray("runs"), p));
        }
        return answer;
    }

    private static void run(ArrayNode runs, ProgressPoint p) {
        runs.addObject().put("model", p.model()).put("score", p.score() + SCORE_SHIFT.get())
                .put("evaluatedAt", p.evaluatedAt().toString());
    }

    private static double mean(Map<String, Double> scores) {
        return scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> seed() {
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FakeQueryService.class.getResourceAsStream("/seed-results.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
