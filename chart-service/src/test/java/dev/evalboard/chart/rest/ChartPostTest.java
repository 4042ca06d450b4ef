package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.BarChartSpec;
import dev.evalboard.chart.render.BarSeries;
import dev.evalboard.chart.render.ReferenceCharts;
import dev.evalboard.chart.render.ScatterPoint;
import dev.evalboard.chart.render.SvgAssertions;
import dev.evalboard.chart.render.theme.Theme;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
public class ChartPostTest {

    @BeforeAll
    static void parseEverySvg() {
        RestAssured.replaceFiltersWith(new SvgResponseCheck());
    }

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

    /** The reference bar chart as a POST body. */
    static Map<String, Object> referenceBarBody() {
        BarChartSpec spec = ReferenceCharts.bar(Theme.LIGHT);
        List<Map<String, Object>> series = new ArrayList<>();
        for (BarSeries s : spec.series()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (int i = 0; i < spec.groups().size(); i++) {
                scores.put(spec.groups().get(i), s.values().get(i));
            }
            series.add(Map.of("model", s.name(), "scores", scores));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", spec.title());
        body.put("yTitle", spec.yTitle());
        body.put("benchmarks", spec.groups());
        body.put("series", series);
        body.put("highlight", List.of("AM-Distill-Qwen-32B", "AM-Distill-Qwen-72B"));
        body.put("yMin", 30);
        body.put("yMax", 100);
        return body;
    }

    static Map<String, Object> referenceScatterBody() {
        List<Map<String, Object>> points = new ArrayList<>();
        for (ScatterPoint p : ReferenceCharts.scatter(Theme.LIGHT).points()) {
            points.add(Map.of("model", p.name(), "x", p.x(), "y", p.y(), "openness", p.openness().wireName()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "LiveCodeBench v5 Performance vs. Total Parameters");
        body.put("yTitle", "LiveCodeBench v5 Pass@1 Score");
        body.put("x", "parameters");
        body.put("highlight", List.of("DASD-4B-Thinking"));
        body.put("highlightLabel", "Our Model");
        body.put("frontier", true);
        body.put("points", points);
        return body;
    }

    private static Response post(String path, Object body, String accept) {
        return given().contentType("application/json").accept(accept).body(body).when().post(path);
    }

    @Test
    void barChartHasTheContractHeadersAndTheGoldenBytes() throws Exception {
        Response r = post("/charts/bar.svg", referenceBarBody(), "*/*");
        r.then().statusCode(200)
                .header("Content-Type", "image/svg+xml; charset=utf-8")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, no-cache")
                .header("ETag", startsWith("\""));
        String svg = r.asString();
        SvgAssertions.parseClean(svg);
        assertEquals(Files.readString(Path.of("src/test/resources/golden/bar-chart.svg"), StandardCharsets.UTF_8),
                SvgAssertions.onePerLine(svg));
    }

    @Test
    void scatterChartIsTheGoldenChart() throws Exception {
        Response r = post("/charts/scatter.svg", referenceScatterBody(), "image/svg+xml");
        r.then().statusCode(200).header("Content-Type", "image/svg+xml; charset=utf-8")
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff");
        SvgAssertions.parseClean(r.asString());
        assertEquals(Files.readString(Path.of("src/test/resources/golden/scatter-chart.svg"), StandardCharsets.UTF_8),
                SvgAssertions.onePerLine(r.asString()));
    }

    @Test
    void scatterAxisEndsFixedAsInTheReferenceChart() {
        Map<String, Object> body = new LinkedHashMap<>(referenceScatterBody());
        body.put("xMin", 4e9);
        body.put("xMax", 1e11);
        String svg = post("/charts/scatter.svg", body, "image/svg+xml").then().statusCode(200).extract().asString();
        assertEquals(List.of("4B", "10B", "32B", "100B"), ChartGetTest.xTickLabels(svg));
        // Without fixed ends the axis is padded around the data, 3B..253B, and ticked in half decades.
        String free = post("/charts/scatter.svg", referenceScatterBody(), "image/svg+xml").asString();
        assertEquals(List.of("3.2B", "10B", "32B", "100B", "320B"), ChartGetTest.xTickLabels(free));
    }

    @Test
    void matchingIfNoneMatchGivesNotModified() {
        String etag = post("/charts/scatter.svg", referenceScatterBody(), "*/*").then().statusCode(200)
                .extract().header("ETag");
        assertEquals(etag, post("/charts/scatter.svg", referenceScatterBody(), "*/*").header("ETag"),
                "the same chart must have the same ETag");
        given().contentType("application/json").header("If-None-Match", etag).body(referenceScatterBody())
                .when().post("/charts/scatter.svg")
                .then().statusCode(304).header("ETag", etag).body(emptyString());
        given().contentType("application/json").header("If-None-Match", "\"something-else\"").body(referenceScatterBody())
                .when().post("/charts/scatter.svg")
                .then().statusCode(200);
        Map<String, Object> dark = new LinkedHashMap<>(referenceScatterBody());
        dark.put("theme", "dark");
        String darkEtag = post("/charts/scatter.svg", dark, "*/*").header("ETag");
        assertTrue(!etag.equals(darkEtag), "a different chart needs a different ETag");
    }

    @Test
    void pngRouteReturnsTheSameChartAsPng() {
        Response r = post("/charts/bar.png", referenceBarBody(), "image/png");
        r.then().statusCode(200).header("Content-Type", "image/png").header("X-Content-Type-Options", "nosniff");
        byte[] png = r.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(png.length > 5000, "a rendered chart, not an empty image: " + png.length);
    }

    /** Invalid options, each in JSON. */
    static Object invalid(String problem) {
        Map<String, Object> bar = new LinkedHashMap<>(referenceBarBody());
        Map<String, Object> scatter = new LinkedHashMap<>(referenceScatterBody());
        switch (problem) {
            case "width=10":
                bar.put("width", 10);
                return bar;
            case "width=abc":
                bar.put("width", "abc");
                return bar;
            case "too many models":
                List<Map<String, Object>> series = new ArrayList<>();
                for (int i = 0; i < 51; i++) {
                    series.add(Map.of("model", "m" + i, "scores", Map.of("MATH-500", 50)));
                }
                bar.put("series", series);
                return bar;
            case "theme=neon":
                bar.put("theme", "neon");
                return bar;
            case "x=weight":
                scatter.put("x", "weight");
                return scatter;
            case "negative stderr":
                scatter.put("points", List.of(Map.of("model", "m", "x", 4e9, "y", 70, "stderr", -1)));
                return scatter;
            case "height=149":
                bar.put("height", 149);
                return bar;
            default:
                throw new IllegalArgumentException(problem);
        }
    }

    @ParameterizedTest
    @CsvSource({"width=10, bar, width, 'between 200 and 4000, got 10'", "width=abc, bar, body, abc",
        "too many models, bar, models, 'between 1 and 50 allowed, got 51'", "theme=neon, bar, theme, neon",
        "x=weight, scatter, x, weight", "negative stderr, scatter, stderr, 'got -1.0'",
        "height=149, bar, height, 'between 150 and 4000, got 149'"})
    void invalidOptionsGiveProblemJson(String problem, String chart, String parameter, String stated) {
        post("/charts/" + chart + ".svg", invalid(problem), "application/json").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("title", equalTo("Bad Request"))
                .body("parameter", equalTo(parameter)).body("detail", containsString(stated));
    }

    @ParameterizedTest
    @CsvSource({"width=10, bar, width, 'between 200 and 4000, got 10'", "width=abc, bar, body, abc",
        "too many models, bar, models, 'between 1 and 50 allowed, got 51'", "theme=neon, bar, theme, neon",
        "x=weight, scatter, x, weight", "negative stderr, scatter, stderr, 'got -1.0'",
        "height=149, bar, height, 'between 150 and 4000, got 149'"})
    void invalidOptionsGiveAnSvgCardToImageClients(String problem, String chart, String parameter, String stated) {
        Response r = post("/charts/" + chart + ".svg", invalid(problem),
                "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8");
        r.then().statusCode(400).header("Content-Type", "image/svg+xml; charset=utf-8")
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff");
        List<String> texts = SvgAssertions.texts(SvgAssertions.parseClean(r.asString()), "text");
        assertTrue(String.join(" ", texts).contains(stated), texts.toString());
    }

    @Test
    void errorCardEscapesWhatTheRequestSaid() {
        Map<String, Object> bar = new LinkedHashMap<>(referenceBarBody());
        bar.put("theme", "<script>alert(1)</script>");
        Response r = post("/charts/bar.svg", bar, "image/svg+xml");
        r.then().statusCode(400);
        SvgAssertions.parseClean(r.asString());
        assertTrue(!r.asString().contains("<script"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType("application/json").body("{\"benchmarks\": [").when().post("/charts/bar.svg")
                .then().statusCode(400).header("Content-Type", startsWith("application/problem+json"));
        given().contentType("application/json").body("[1,2]").when().post("/charts/scatter.svg")
                .then().statusCode(400);
        given().contentType("application/json").body("{}").when().post("/charts/scatter.svg")
                .then().statusCode(400).body("parameter", equalTo("points"));
    }

    @Test
    void hostileNamesComeBackAsInertText() {
        Map<String, Object> body = new LinkedHashMap<>(referenceBarBody());
        String evil = "\"><svg onload=alert(1)>";
        body.put("title", evil);
        body.put("benchmarks", List.of(evil));
        body.put("series", List.of(Map.of("model", evil, "scores", Map.of(evil, 50))));
        String svg = post("/charts/bar.svg", body, "*/*").then().statusCode(200).extract().asString();
        SvgAssertions.parseClean(svg);
        assertTrue(SvgAssertions.texts(SvgAssertions.parseClean(svg), "text").contains(evil), "shown as text");
        assertTrue(!svg.contains("<svg onload"));
    }
}
