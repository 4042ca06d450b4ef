package dev.evalboard.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates requests to every route of query-service and chart-service: random and boundary numbers, hostile strings,
 * huge values, wrong types, repeated and missing parameters, odd Accept headers and mangled JSON bodies. Each hostile
 * string carries a unique marker, so a reflection of it in a response can be told from stored data.
 */
final class RequestFuzzer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NUMBERS = {"-1", "0", "1", "2", "199", "200", "201", "1000", "1001", "3999", "4000",
        "4001", "-0", "1.5", "1e3", "1e308", "-1e308", "1e309", "NaN", "Infinity", "-Infinity", "0x10", "",
        " ", "abc", "1,5", "١٢٣", "true", "null", "99999999999999999999999", "-9223372036854775809", "07", "+5"};
    private static final String[] ACCEPTS = {null, "*/*", "image/svg+xml", "image/*", "image/png",
        "application/json", "application/problem+json", "text/csv", "text/html", "image/avif,image/webp,*/*;q=0.8",
        "application/xml;q=0.9, image/svg+xml", "nonsense/;;;q=x"};
    /** Escapes a URL should never contain: invalid, truncated, overlong UTF-8, NUL. */
    private static final String[] MALFORMED = {"benchmark=%zz", "title=%", "model=%C0%AE%2", "x=%u0041", "q=%00",
        "width=%FF%FE", "%=%", "highlight=%E2%82"};
    private static final String[] OPENNESS = {"closed", "open-weights", "open-weights-open-data"};
    private static final String[] X_AXES = {"parameters", "activeParameters", "costUsd"};

    private final Random random;
    private final List<String> benchmarks;
    private final List<String> models;
    private static final double[] HOSTILITY = {0, 0.05, 0.2, 0.5};
    private int marker;
    /** The chance that one value of the current request is mangled: some requests are clean, some all hostile. */
    private double hostility;

    RequestFuzzer(Random random, List<String> benchmarks, List<String> models) {
        this.random = random;
        this.benchmarks = benchmarks;
        this.models = models;
    }

    FuzzRequest next() {
        hostility = HOSTILITY[random.nextInt(HOSTILITY.length)];
        List<String> injected = new ArrayList<>();
        return switch (random.nextInt(12)) {
            case 0 -> get("/api/v1/benchmarks", query(injected), injected);
            case 1 -> get("/api/v1/models", query(injected, "openness", "minParameters", "maxParameters", "q", "limit",
                    "offset"), injected);
            case 2 -> get("/api/v1/models/" + segment(model(injected)), query(injected), injected);
            case 3 -> get("/api/v1/models/" + segment(model(injected)) + "/history",
                    query(injected, "benchmark", "metric"), injected);
            case 4 -> get("/api/v1/leaderboards/" + segment(benchmark(injected)), query(injected, "metric", "openness",
                    "minParameters", "maxParameters", "limit", "offset"), injected);
            case 5 -> get("/api/v1/leaderboard", query(injected, "benchmark", "benchmark", "metric", "openness",
                    "minParameters", "maxParameters", "q", "limit", "offset"), injected);
            case 6 -> get("/api/v1/pareto", query(injected, "benchmark", "benchmark", "metric", "x", "openness",
                    "minParameters", "maxParameters"), injected);
            case 7, 8 -> get("/charts/bar." + imageType(), query(injected, "benchmark", "benchmark", "model", "model",
                    "metric", "highlight", "title", "yMin", "yMax", "width", "height", "theme", "labels"), injected);
            case 9, 10 -> get("/charts/scatter." + imageType(), query(injected, "benchmark", "metric", "x", "logX",
                    "highlight", "highlightLabel", "frontier", "title", "xMin", "xMax", "yMin", "yMax", "width",
                    "height", "theme"), injected);
            default -> post(injected);
        };
    }

    private FuzzRequest get(String path, String query, List<String> injected) {
        if (mangled() && random.nextInt(5) == 0) {
            query = query.isEmpty() ? MALFORMED[random.nextInt(MALFORMED.length)]
                    : query + "&" + MALFORMED[random.nextInt(MALFORMED.length)];
        }
        return new FuzzRequest("GET", query.isEmpty() ? path : path + "?" + query, accept(), null, injected);
    }

    private FuzzRequest post(List<String> injected) {
        boolean bar = random.nextBoolean();
        String path = "/charts/" + (bar ? "bar." : "scatter.") + imageType();
        String body = !mangled() ? (bar ? barBody(injected) : scatterBody(injected)).toString()
                : switch (random.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> "{\"points\": [";
                    case 2 -> "[1, 2, 3]";
                    case 3 -> hostile(injected);
                    default -> (bar ? barBody(injected) : scatterBody(injected)).toString();
                };
        return new FuzzRequest("POST", path, accept(), body, injected);
    }

    private ObjectNode barBody(List<String> injected) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode names = body.putArray("benchmarks");
        int groups = mangled() ? 60 : 1 + random.nextInt(4);
        for (int i = 0; i < groups; i++) {
            names.add(mangled() ? hostile(injected) : pick(benchmarks));
        }
        ArrayNode series = body.putArray("series");
        int count = mangled() ? 60 : random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String model = mangled() ? hostile(injected) : pick(models);
            ObjectNode one = series.addObject().put("model", model);
            ObjectNode scores = one.putObject("scores");
            names.forEach(name -> scores.put(name.asText(), randomScore()));
        }
        mangleOptions(body, injected, "title", "yTitle", "yMin", "yMax", "width", "height", "theme", "labels",
                "highlight");
        return body;
    }

    private ObjectNode scatterBody(List<String> injected) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode points = body.putArray("points");
        int count = mangled() ? 2_500 : random.nextInt(30);
        for (int i = 0; i < count; i++) {
            ObjectNode point = points.addObject()
                    .put("model", mangled() ? hostile(injected) : pick(models) + " " + i)
                    .put("x", mangled() ? -random.nextDouble() : Math.pow(10, 6 + random.nextDouble() * 7))
                    .put("y", randomScore());
            if (random.nextBoolean()) {
                point.put("openness", mangled() ? hostile(injected) : pick(List.of(OPENNESS)));
            }
        }
        mangleOptions(body, injected, "title", "xTitle", "yTitle", "x", "logX", "frontier", "higherIsBetter",
                "highlight", "highlightLabel", "xMin", "xMax", "yMin", "yMax", "width", "height", "theme");
        return body;
    }

    /** Sets some of the options to hostile text, boundary numbers or values of the wrong type. */
    private void mangleOptions(ObjectNode body, List<String> injected, String... options) {
        for (String option : options) {
            if (mangled()) {
                switch (random.nextInt(4)) {
                    case 0 -> body.put(option, hostile(injected));
                    case 1 -> body.put(option, number());
                    case 2 -> body.put(option, random.nextDouble() * 1e6 - 5e5);
                    default -> body.putArray(option).add(hostile(injected)).add(1);
                }
            }
        }
    }

    private String query(List<String> injected, String... names) {
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            if (mangled() && random.nextBoolean()) {
                continue; // missing
            }
            int repeats = mangled() && random.nextBoolean() ? 2 + random.nextInt(3) : 1;
            for (int i = 0; i < repeats; i++) {
                pairs.add(encode(name) + "=" + encode(value(name, injected)));
            }
        }
        if (mangled()) {
            pairs.add(encode(hostile(injected)) + "=" + encode(hostile(injected))); // an unknown parameter
        }
        return String.join("&", pairs);
    }

    private String value(String name, List<String> injected) {
        if (mangled()) {
            return random.nextBoolean() ? hostile(injected) : number();
        }
        return switch (name) {
            case "benchmark" -> pick(benchmarks);
            case "model", "highlight" -> pick(models);
            case "metric" -> random.nextInt(10) == 0 ? "pass@5" : "pass@1";
            case "openness" -> pick(List.of(OPENNESS));
            case "x" -> pick(List.of(X_AXES));
            case "theme" -> random.nextBoolean() ? "light" : "dark";
            case "logX", "frontier", "labels" -> random.nextBoolean() ? "true" : "false";
            // Valid values are valid together too (min below max), so that clean requests mostly succeed.
            case "minParameters", "xMin" -> Long.toString((long) Math.pow(10, 6 + random.nextInt(4)));
            case "maxParameters", "xMax" -> Long.toString((long) Math.pow(10, 10 + random.nextInt(4)));
            case "width", "height" -> Integer.toString(200 + random.nextInt(1_000));
            case "limit" -> Integer.toString(1 + random.nextInt(1_000));
            case "offset" -> Integer.toString(random.nextInt(30));
            case "yMin" -> Integer.toString(random.nextInt(40));
            case "yMax" -> Integer.toString(60 + random.nextInt(41));
            default -> "Evalboard " + random.nextInt(100);
        };
    }

    private String model(List<String> injected) {
        return mangled() ? hostile(injected) : pick(models);
    }

    private String benchmark(List<String> injected) {
        return mangled() ? hostile(injected) : pick(benchmarks);
    }

    private boolean mangled() {
        return random.nextDouble() < hostility;
    }

    private String hostile(List<String> injected) {
        String m = "fz" + (marker++);
        String text = switch (random.nextInt(16)) {
            case 0 -> "<script>alert('" + m + "')</script>";
            case 1 -> "\"><svg onload=alert('" + m + "')>";
            case 2 -> "'><img src=x onerror=alert('" + m + "')>";
            case 3 -> "]]><" + m + ">";
            case 4 -> "<!--" + m + "--><x:" + m + "/>";
            case 5 -> "<!DOCTYPE x [<!ENTITY " + m + " SYSTEM \"file:///etc/passwd\">]>";
            case 6 -> "&amp;&lt;" + m + "&#x3C;";
            case 7 -> "\u202Eevil\u202C " + m + " مرحبا";
            case 8 -> "\uD83D\uDD25\uD83D\uDC4D\uD83C\uDFFD " + m;
            case 9 -> "A".repeat(10_000) + m;
            case 10 -> "javascript:alert('" + m + "')";
            case 11 -> "${" + m + "} {{" + m + "}} %s%n%x";
            case 12 -> "' OR 1=1 -- " + m;
            case 13 -> m + "\u0000\u0007\u001b[31m";
            case 14 -> m + "\r\nSet-Cookie: " + m + "=1";
            default -> "../../" + m + "/%2e%2e/";
        };
        if (text.contains("<")) {
            injected.add(text);
        }
        return text;
    }

    private String number() {
        return NUMBERS[random.nextInt(NUMBERS.length)];
    }

    private double randomScore() {
        return mangled() ? -5 - random.nextInt(1_000) : random.nextInt(1_001) / 10.0;
    }

    private String imageType() {
        return random.nextInt(50) == 0 ? "png" : "svg";
    }

    private String accept() {
        return ACCEPTS[random.nextInt(ACCEPTS.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String segment(String text) {
        return encode(text).replace("+", "%20");
    }
}
