package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.ReferenceCharts;
import dev.evalboard.chart.render.SvgAssertions;
import dev.evalboard.chart.render.svg.Num;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * GET routes against {@link FakeQueryService}, a contract-speaking double over real HTTP. The path
 * through the real query-service is covered by the end-to-end test of the whole stack.
 */
@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
class ChartGetTest {

    @BeforeAll
    static void parseEverySvg() {
        RestAssured.replaceFiltersWith(new SvgResponseCheck());
    }

    private static RequestSpecification barRequest() {
        RequestSpecification r = given();
        for (String b : ReferenceCharts.BAR_BENCHMARKS) {
            r = r.queryParam("benchmark", b);
        }
        return r;
    }

    @Test
    void barChartShowsTheNamedModelsInTheOrderGiven() {
        Response r = barRequest().queryParam("model", "DeepSeek-R1-Distill-Llama-70B", "AM-Distill-Qwen-32B")
                .queryParam("highlight", "AM-Distill-Qwen-32B").queryParam("yMin", "30").queryParam("yMax", "100")
                .queryParam("title", "Accuracy").when().get("/charts/bar.svg");
        r.then().statusCode(200).header("Content-Type", "image/svg+xml; charset=utf-8")
                .header("Content-Security-Policy", ChartPostTest.CSP).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, no-cache").header("ETag", startsWith("\""));
        Document doc = SvgAssertions.parseClean(r.asString());
        List<String> texts = SvgAssertions.texts(doc, "text");
        int llama = texts.indexOf("DeepSeek-R1-Distill-Llama-70B");
        int am = texts.indexOf("AM-Distill-Qwen-32B");
        assertTrue(llama >= 0 && am > llama, "legend in the order given: " + texts);
        assertTrue(texts.containsAll(List.of("70.0", "72.7", "pass@1", "Accuracy")), texts.toString());
        assertTrue(!texts.contains("AM-Distill-Qwen-72B"), "only the named models");
        assertTrue(r.asString().contains("url(#eb-lh1)"), "the highlighted second series is hatched");
    }

    @Test
    void barChartWithoutModelsShowsTheTopByMean() {
        Document doc = SvgAssertions.parseClean(barRequest().when().get("/charts/bar.svg").then().statusCode(200)
                .extract().asString());
        List<String> texts = SvgAssertions.texts(doc, "text");
        assertTrue(texts.containsAll(ReferenceCharts.BAR_MODELS), texts.toString());
        // Best mean first: AM-Distill-Qwen-72B leads every benchmark.
        assertTrue(texts.indexOf("AM-Distill-Qwen-72B") < texts.indexOf("DeepSeek-R1-Distill-Llama-70B"));
    }

    @Test
    void errorBarsComeFromQueryServicesStandardErrors() {
        String plain = barRequest().when().get("/charts/bar.svg").then().statusCode(200).extract().asString();
        String withBars = barRequest().queryParam("errorBars", "true").when().get("/charts/bar.svg").then()
                .statusCode(200).extract().asString();
        String interval = "± " + Num.fixed(1.96 * FakeQueryService.STDERR, 1);
        assertTrue(SvgAssertions.texts(SvgAssertions.parseClean(withBars), "desc").get(0).contains(interval), withBars);
        assertFalse(SvgAssertions.texts(SvgAssertions.parseClean(plain), "desc").get(0).contains("±"), plain);
        String scatter = given().queryParam("benchmark", "LiveCodeBench v5").queryParam("errorBars", "true")
                .when().get("/charts/scatter.svg").then().statusCode(200).extract().asString();
        assertTrue(SvgAssertions.texts(SvgAssertions.parseClean(scatter), "desc").get(0).contains("error bars"), scatter);
    }

    @Test
    void scatterChartFromParetoData() {
        Response r = given().queryParam("benchmark", "LiveCodeBench v5").queryParam("x", "parameters")
                .queryParam("highlight", "DASD-4B-Thinking").queryParam("highlightLabel", "Our Model")
                .queryParam("frontier", "true").queryParam("theme", "dark").when().get("/charts/scatter.svg");
        r.then().statusCode(200).header("Content-Type", "image/svg+xml; charset=utf-8");
        List<String> texts = SvgAssertions.texts(SvgAssertions.parseClean(r.asString()), "text");
        assertTrue(texts.containsAll(List.of("DASD-4B-Thinking", "Mistral3-3B", "Our Model", "Pareto frontier",
                "10B", "100B", "Total Parameters", "LiveCodeBench v5 pass@1")), texts.toString());
    }

    @Test
    void aScatterAsksForEveryPointItCanDrawAndFindsHighlightedModelsWhereverTheyRank() {
        // The fake lists a named model only under 'requested', as query-service does when it ranks beyond the page.
        String svg = given().queryParam("benchmark", "LiveCodeBench v5").queryParam("highlight",
                "Nvidia-Nemotron-Ultra-253B").when().get("/charts/scatter.svg").then().statusCode(200).extract()
                .asString();
        assertTrue(svg.contains("Nvidia-Nemotron-Ultra-253B"), "the highlighted model is drawn");
        for (String model : List.of("AM-thinking-v1", "Qwen3-14B", "GLM-Z1-9B", "Mistral3-3B")) {
            assertTrue(svg.contains(model), model + ", dominated or not, is drawn");
        }
    }

    @Test
    void scatterAxisEndsFixedAsInTheReferenceChart() {
        // reference-charts/scatter-chart.md: "Scale: 4B to 100B, with markers at 4B, 10B, 32B, and 100B".
        String svg = given().urlEncodingEnabled(false).when()
                .get("/charts/scatter.svg?benchmark=LiveCodeBench%20v5&xMin=4e9&xMax=1e11&frontier=true")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of("4B", "10B", "32B", "100B"), xTickLabels(svg));
    }

    /** The texts that read as parameter counts, in document order: the x axis's tick labels. */
    static List<String> xTickLabels(String svg) {
        return SvgAssertions.texts(SvgAssertions.parseClean(svg), "text").stream()
                .filter(t -> t.matches("\\d+(\\.\\d+)?[KMBT]")).toList();
    }

    @Test
    void etagAndNotModifiedOnGet() {
        String etag = given().queryParam("benchmark", "LiveCodeBench v5").when().get("/charts/scatter.svg")
                .then().statusCode(200).extract().header("ETag");
        given().queryParam("benchmark", "LiveCodeBench v5").header("If-None-Match", etag)
                .when().get("/charts/scatter.svg").then().statusCode(304).header("ETag", etag);
    }

    @Test
    void pngOnTheGetRoute() {
        given().queryParam("benchmark", "LiveCodeBench v5").when().get("/charts/scatter.png")
                .then().statusCode(200).header("Content-Type", "image/png");
    }

    @Test
    void answersAreCachedBriefly() {
        // The first request may be retried once if a cold start outlasts the timeout; count after it.
        given().queryParam("benchmark", "GPQA Diamond").when().get("/charts/bar.svg").then().statusCode(200);
        long before = leaderboardHits("GPQA");
        for (int i = 0; i < 3; i++) {
            given().queryParam("benchmark", "GPQA Diamond").when().get("/charts/bar.svg").then().statusCode(200);
        }
        assertTrue(before >= 1);
        assertEquals(before, leaderboardHits("GPQA"), "repeated charts must come from the cache");
    }

    private static long leaderboardHits(String benchmarkPart) {
        return FakeQueryService.HITS.entrySet().stream()
                .filter(e -> e.getKey().startsWith("/api/v1/leaderboard") && e.getKey().contains(benchmarkPart))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    @Test
    void aSnapshotChartAsksQueryServiceForTheSameInstantInOneSpelling() {
        for (String chart : List.of("/charts/bar.svg", "/charts/scatter.svg")) {
            given().queryParam("benchmark", "GPQA Diamond").queryParam("asOf", "2026-03-01T01:00:00+01:00")
                    .when().get(chart).then().statusCode(200);
        }
        List<String> asked = FakeQueryService.HITS.keySet().stream()
                .map(k -> URLDecoder.decode(k, StandardCharsets.UTF_8)).toList();
        for (String endpoint : List.of("/api/v1/leaderboard?", "/api/v1/pareto?")) {
            assertTrue(asked.stream().anyMatch(k -> k.startsWith(endpoint) && k.contains("asOf=2026-03-01T00:00:00Z")),
                    asked.toString());
        }
        given().queryParam("benchmark", "GPQA Diamond").queryParam("asOf", "last week").when().get("/charts/bar.svg")
                .then().statusCode(400).body("parameter", equalTo("asOf"));
    }

    @Test
    void unknownBenchmarkIsANotFoundNotAServerError() {
        given().queryParam("benchmark", "Unknown Bench").when().get("/charts/bar.svg")
                .then().statusCode(404).header("Content-Type", startsWith("application/problem+json"))
                .body("detail", containsString("unknown benchmark"));
        Response card = given().queryParam("benchmark", "Unknown Bench").accept("image/svg+xml")
                .when().get("/charts/scatter.svg");
        card.then().statusCode(404).header("Content-Type", "image/svg+xml; charset=utf-8");
        assertEquals(List.of("no-store"), card.headers().getValues("Cache-Control"), "one Cache-Control, not two");
        SvgAssertions.parseClean(card.asString());
    }

    @Test
    void unknownModelIsANotFound() {
        barRequest().queryParam("model", "No-Such-Model").when().get("/charts/bar.svg")
                .then().statusCode(404).body("parameter", equalTo("model"));
    }

    @Test
    void failingQueryServiceIsUnavailable() {
        given().queryParam("benchmark", "Broken").when().get("/charts/bar.svg")
                .then().statusCode(503).header("Content-Type", startsWith("application/problem+json"));
    }

    @Test
    void malformedParametersAreBadRequests() {
        barRequest().queryParam("width", "abc").when().get("/charts/bar.svg").then().statusCode(400)
                .body("parameter", equalTo("width"));
        barRequest().queryParam("width", "10").when().get("/charts/bar.svg").then().statusCode(400)
                .body("parameter", equalTo("width"));
        barRequest().queryParam("yMin", "NaN").when().get("/charts/bar.svg").then().statusCode(400);
        barRequest().queryParam("labels", "maybe").when().get("/charts/bar.svg").then().statusCode(400);
        barRequest().queryParam("metric", "PASS AT 1").when().get("/charts/bar.svg").then().statusCode(400);
        given().when().get("/charts/bar.svg").then().statusCode(400).body("parameter", equalTo("benchmark"));
        given().queryParam("benchmark", "LiveCodeBench v5").queryParam("x", "weight").accept("image/svg+xml")
                .when().get("/charts/scatter.svg").then().statusCode(400)
                .header("Content-Type", "image/svg+xml; charset=utf-8");
        given().queryParam("benchmark", "LiveCodeBench v5").queryParam("xMin", "1e13")
                .when().get("/charts/scatter.svg").then().statusCode(200);
        given().queryParam("benchmark", "LiveCodeBench v5").queryParam("xMin", "-5")
                .when().get("/charts/scatter.svg").then().statusCode(400).body("parameter", equalTo("xMin"));
        // Found by the fuzzer: a non-positive xMax on a log axis was a 500.
        given().queryParam("benchmark", "LiveCodeBench v5").queryParam("xMax", "-5")
                .when().get("/charts/scatter.svg").then().statusCode(400).body("parameter", equalTo("xMax"));
        String[] models = new String[51];
        for (int i = 0; i < models.length; i++) {
            models[i] = "m" + i;
        }
        barRequest().queryParam("model", (Object[]) models).when().get("/charts/bar.svg").then().statusCode(400)
                .body("parameter", equalTo("model"));
    }

    /** Odd URLs get a 2xx or 4xx: nothing in a URL may cause a server error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "bar.svg?benchmark=%00", "bar.svg?benchmark=a&title=%3Cscript%3Ealert(1)%3C/script%3E",
        "bar.svg?benchmark=MATH-500&yMin=1e400", "bar.svg?benchmark=MATH-500&yMin=5&yMax=5",
        "bar.svg?benchmark=MATH-500&yMin=-1e300&yMax=1e300", "bar.svg?benchmark=MATH-500&height=-1",
        "bar.svg?benchmark=MATH-500&width=99999999999999", "bar.svg?benchmark=MATH-500&width=1.5",
        "bar.svg?benchmark=MATH-500&yMin=99.99999&yMax=100", "bar.svg?benchmark=MATH-500&yMax=1e-9",
        "bar.svg?benchmark=", "bar.svg?benchmark=%E2%80%AE%F0%9F%9A%80", "bar.svg?benchmark=MATH-500&metric=",
        "bar.png?benchmark=MATH-500&theme=dark&labels=false",
        "scatter.svg?benchmark=LiveCodeBench%20v5&xMin=0", "scatter.svg?benchmark=LiveCodeBench%20v5&logX=false",
        "scatter.svg?benchmark=LiveCodeBench%20v5&x=costUsd&xMin=1e-300&xMax=1e300",
        "scatter.svg?benchmark=LiveCodeBench%20v5&yMin=69&yMax=69.0001&xMax=5e9",
        "scatter.svg?benchmark=a&benchmark=b", "scatter.png?benchmark=Unknown%20Bench",
        "scatter.svg?benchmark=LiveCodeBench%20v5&highlight=%00&highlightLabel=%01%02",
        "scatter.svg?benchmark=LiveCodeBench%20v5&frontier=1"})
    void noUrlCausesAServerError(String pathAndQuery) {
        int status = given().urlEncodingEnabled(false).accept("image/svg+xml").when().get("/charts/" + pathAndQuery)
                .then().extract().statusCode();
        assertTrue(status == 200 || (status >= 400 && status < 500), pathAndQuery + " gave " + status);
    }

    @Test
    void unknownChartFormatIsNotFound() {
        given().queryParam("benchmark", "x").when().get("/charts/bar.gif").then().statusCode(404);
    }
}
