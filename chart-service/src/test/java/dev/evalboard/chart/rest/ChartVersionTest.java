package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code version=} of a chart of one benchmark goes through to query-service's data call; without it, none does. */
@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
class ChartVersionTest {
    private static final String LCB = "LiveCodeBench v5";

    @Test
    void eachChartAsksForTheVersionItWasGiven() {
        given().queryParam("benchmark", LCB).queryParam("version", "v6.1").when().get("/charts/bar.svg").then()
                .statusCode(200);
        given().queryParam("benchmark", LCB).queryParam("version", "v6.1").when().get("/charts/scatter.svg").then()
                .statusCode(200);
        given().queryParam("benchmark", LCB).queryParam("version", "v6.1").when().get("/charts/progress.svg").then()
                .statusCode(200);
        for (String path : new String[] { "/api/v1/leaderboard?", "/api/v1/pareto?", "/progress?" }) {
            assertTrue(FakeQueryService.HITS.keySet().stream()
                    .anyMatch(hit -> hit.contains(path) && hit.contains("version=v6.1")), path + " in "
                    + FakeQueryService.HITS.keySet());
        }
    }

    @Test
    void withoutAVersionNoneIsAskedForSoTheNewestIsDrawn() {
        given().queryParam("benchmark", LCB).queryParam("title", "newest").when().get("/charts/bar.svg").then()
                .statusCode(200);
        assertTrue(FakeQueryService.HITS.keySet().stream().filter(hit -> hit.startsWith("/api/v1/leaderboard?"))
                .anyMatch(hit -> !hit.contains("version=")));
    }

    @Test
    void aBadVersionOrOneForSeveralBenchmarksIsA400() {
        given().queryParam("benchmark", LCB).queryParam("version", " 1").when().get("/charts/bar.svg").then()
                .statusCode(400).body("parameter", equalTo("version"));
        given().queryParam("benchmark", LCB, "AIME 2024").queryParam("version", "1").when()
                .get("/charts/scatter.svg").then().statusCode(400).body("parameter", equalTo("version"));
    }
}
