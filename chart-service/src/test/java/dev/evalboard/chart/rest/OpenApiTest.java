package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
class OpenApiTest {

    @Test
    void documentsTheChartRoutesAndBodies() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/charts/bar.{format}")).body(containsString("/charts/scatter.{format}"))
                .body(containsString("BarChartBody")).body(containsString("ScatterChartBody"))
                .body(containsString("highlightLabel"));
    }
}
