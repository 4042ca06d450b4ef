package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
class OpenApiTest {
    // Relative to the management root path, /q.
    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void documentsTheChartRoutesAndBodies() {
        given().queryParam("format", "json").when().get(openApi).then().statusCode(200)
                .body(containsString("/charts/bar.{format}")).body(containsString("/charts/scatter.{format}"))
                .body(containsString("BarChartBody")).body(containsString("ScatterChartBody"))
                .body(containsString("highlightLabel"));
    }

    @Test
    void apiDocumentsAndMetricsAreNotOnThePublicPort() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(404);
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
