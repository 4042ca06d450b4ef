package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.render.ChartLimits;
import dev.evalboard.chart.render.ProgressPoint;
import dev.evalboard.chart.render.ProgressReference;
import dev.evalboard.chart.render.SvgAssertions;
import dev.evalboard.chart.render.chart.ProgressChartRenderer;
import dev.evalboard.chart.render.theme.Theme;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** {@code /charts/progress.svg}: GET from {@link FakeQueryService}'s running best, POST with inline runs. */
@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
class ProgressChartRoutesTest {

    @BeforeAll
    static void parseEverySvg() {
        RestAssured.replaceFiltersWith(new SvgResponseCheck());
    }

    @Test
    void getDrawsTheStepsLabelledWithTheirModelsAndTheOtherRunsOnRequest() {
        String steps = given().queryParam("benchmark", ProgressReference.BENCHMARK).when().get("/charts/progress.svg")
                .then().statusCode(200).header("Content-Type", "image/svg+xml; charset=utf-8")
                .header("Cache-Control", "public, no-cache").header("ETag", startsWith("\"")).extract().asString();
        Document doc = SvgAssertions.parseClean(steps);
        assertTrue(SvgAssertions.texts(doc, "text").containsAll(List.of("Qwen-32B", "DASD-4B-Thinking",
                "LiveCodeBench v5 pass@1")), SvgAssertions.texts(doc, "text").toString());
        assertEquals(8, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength(),
                "one point per step, no other runs");

        String withRuns = given().queryParam("benchmark", ProgressReference.BENCHMARK).queryParam("runs", "true")
                .when().get("/charts/progress.svg").then().statusCode(200).extract().asString();
        List<String> texts = SvgAssertions.texts(SvgAssertions.parseClean(withRuns), "text");
        assertTrue(texts.containsAll(List.of("Best so far", "Other runs")), texts.toString());
        // The GET chart is the reference chart: query-service's steps give the same drawing as the inline runs.
        String expected = new ProgressChartRenderer(ChartLimits.DEFAULT).render(
                ProgressReference.spec(Theme.LIGHT, 800, 500));
        assertEquals(expected.replace("LiveCodeBench v5: best Pass@1 over time", "x"),
                given().queryParam("benchmark", ProgressReference.BENCHMARK).queryParam("runs", "true")
                        .queryParam("title", "x").when().get("/charts/progress.svg").then().extract().asString());
    }

    @Test
    void postComputesTheRunningBestFromInlineRunsAndPngWorks() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "LiveCodeBench v5: best Pass@1 over time");
        body.put("yTitle", "LiveCodeBench v5 pass@1");
        body.put("runs", true);
        List<Map<String, Object>> points = new ArrayList<>();
        for (ProgressPoint p : ProgressReference.runs()) {
            points.add(Map.of("model", p.model(), "score", p.score(), "evaluatedAt", p.evaluatedAt().toString()));
        }
        body.put("points", points);
        String svg = given().contentType(ContentType.JSON).body(body).when().post("/charts/progress.svg")
                .then().statusCode(200).extract().asString();
        assertEquals(new ProgressChartRenderer(ChartLimits.DEFAULT).render(
                ProgressReference.spec(Theme.LIGHT, 800, 500)), svg);
        byte[] png = given().contentType(ContentType.JSON).body(body).when().post("/charts/progress.png")
                .then().statusCode(200).header("Content-Type", "image/png").extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void badInputIsA400ThatNamesTheParameter() {
        given().queryParam("benchmark", ProgressReference.BENCHMARK).queryParam("runs", "sometimes")
                .when().get("/charts/progress.svg").then().statusCode(400).body("parameter", equalTo("runs"));
        given().when().get("/charts/progress.svg").then().statusCode(400).body("parameter", equalTo("benchmark"));
        given().queryParam("benchmark", "Unknown Bench").when().get("/charts/progress.svg").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("points", List.of(Map.of("model", "m", "score", 1,
                "evaluatedAt", "yesterday")))).when().post("/charts/progress.svg").then().statusCode(400)
                .body("parameter", equalTo("points"));
    }

    /** Odd URLs get a 2xx or 4xx: nothing in a URL may cause a server error. */
    @ParameterizedTest
    @ValueSource(strings = {"progress.svg?benchmark=%00", "progress.svg?benchmark=MATH-500&yMin=1e400",
        "progress.svg?benchmark=MATH-500&yMin=5&yMax=5", "progress.svg?benchmark=MATH-500&width=199",
        "progress.svg?benchmark=LiveCodeBench%20v5&yMin=69&yMax=69.0001&runs=true",
        "progress.svg?benchmark=%E2%80%AE%F0%9F%9A%80&title=%3Cscript%3E", "progress.png?benchmark=MATH-500",
        "progress.svg?benchmark=MATH-500&metric=Pass@1"})
    void noUrlCausesAServerError(String pathAndQuery) {
        int status = given().urlEncodingEnabled(false).accept("image/svg+xml").when().get("/charts/" + pathAndQuery)
                .then().extract().statusCode();
        assertTrue(status == 200 || (status >= 400 && status < 500), pathAndQuery + " gave " + status);
    }
}
