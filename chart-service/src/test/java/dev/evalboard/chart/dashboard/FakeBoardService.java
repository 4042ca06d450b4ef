package dev.evalboard.chart.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.evalboard.chart.rest.FakeQueryService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * query-service's JSON for the dashboard's pages, served by {@link FakeQueryService}'s HTTP server: one benchmark of
 * {@link #MODELS} models (each page generated from its offset and limit, as query-service pages a board), whose
 * leader has a name made of markup and whose second model's name starts like a spreadsheet formula.
 */
public final class FakeBoardService {
    static final String BENCHMARK = "Big Bench";
    static final long MODELS = 100_000;
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";
    static final String FORMULA = "=HYPERLINK(\"http://evil\")";
    /** The query string of the last leaderboard request, decoded. */
    static final AtomicReference<Map<String, List<String>>> LAST_BOARD_QUERY = new AtomicReference<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBoardService() {
    }

    /** Answers the paths the dashboard asks for that the chart fake does not know. */
    public static void register(HttpServer server) {
        server.createContext("/api/v1/benchmarks", FakeBoardService::answer);
        server.createContext("/api/v1/leaderboards/", FakeBoardService::answer);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        Map<String, List<String>> query = parse(exchange.getRequestURI().getRawQuery());
        Object body;
        int status = 200;
        if (path.equals("/api/v1/benchmarks")) {
            body = benchmarks();
        } else if (path.equals("/api/v1/leaderboards/" + BENCHMARK)) {
            LAST_BOARD_QUERY.set(query);
            body = board(query);
        } else if (path.startsWith("/api/v1/leaderboards/")) {
            status = 404;
            body = Map.of("title", "Not Found", "status", 404, "detail", "no benchmark " + path.substring(21));
        } else {
            status = 404;
            body = Map.of("title", "Not Found", "status", 404, "detail", "not in this fake");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
        exchange.getResponseHeaders().add("Evalboard-Changes-Seen", Long.toString(FakeQueryService.CHANGES_SEEN.get()));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static ObjectNode benchmarks() {
        ObjectNode list = JSON.createObjectNode();
        ObjectNode big = list.putArray("benchmarks").addObject().put("name", BENCHMARK).put("modelCount", MODELS)
                .put("lastUpdate", "2025-07-01T12:00:00Z");
        big.putArray("metrics").addObject().put("metric", "pass@1").put("higherIsBetter", true)
                .put("unit", "percent").put("modelCount", MODELS).put("lastUpdate", "2025-07-01T12:00:00Z");
        return list;
    }

    /** Model i (from 0) scores 90 - i/2000 with a standard error of 0.5, and has 1 + i % 100 billion parameters. */
    private static ObjectNode board(Map<String, List<String>> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", List.of("50")).get(0));
        long offset = Long.parseLong(query.getOrDefault("offset", List.of("0")).get(0));
        ObjectNode board = JSON.createObjectNode().put("benchmark", BENCHMARK).put("metric", "pass@1")
                .put("higherIsBetter", true).put("unit", "percent").put("total", MODELS).put("limit", limit)
                .put("offset", offset);
        ArrayNode entries = board.putArray("entries");
        for (long i = offset; i < Math.min(MODELS, offset + limit); i++) {
            String name = i == 0 ? HOSTILE : i == 1 ? FORMULA : "model-" + i;
            // Every interval is ±0.98 and scores fall by 1/2000 a row: a model's interval lies beyond model i's from
            // 3,920 rows up.
            entries.addObject().put("rank", i + 1).put("ciRank", i <= 3920 ? 1 : i - 3919).put("model", name)
                    .put("score", 90 - i / 2000.0)
                    .put("stderr", 0.5).put("parameters", (1 + i % 100) * 1_000_000_000L)
                    .put("openness", "open-weights").put("organization", "Lab " + (i % 7))
                    .put("evaluatedAt", "2025-07-01T12:00:00Z");
        }
        return board;
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
}
