package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Metrics, the OpenAPI document and Swagger UI are on the management port, not on the public API port; health stays
 * on the API port, where the probes look.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ManagementInterfaceTest {
    // Relative to the management root path, /q.
    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @TestHTTPResource(value = "/swagger-ui/", management = true)
    URL swaggerUi;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        given().accept("application/json").get(openApi).then().statusCode(200)
                .body("info.title", equalTo("Evalboard query API"))
                .body("paths.keySet()", hasItems("/api/v1/benchmarks", "/api/v1/models",
                        "/api/v1/models/{model}", "/api/v1/models/{model}/history", "/api/v1/leaderboards/{benchmark}",
                        "/api/v1/leaderboard", "/api/v1/pareto"))
                .body("paths.'/api/v1/leaderboards/{benchmark}'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/csv"));
        given().get(swaggerUi).then().statusCode(200);
    }

    @Test
    void metricsNameRouteTemplatesNotTheNamesInRequests() {
        String benchmark = Events.uniquePrefix() + "unknown-benchmark";
        given().urlEncodingEnabled(false).get("/api/v1/leaderboards/" + Urls.encode(benchmark)).then().statusCode(404);
        given().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("/api/v1/leaderboards/{benchmark}"))
                .body(not(containsString(benchmark)));
    }

    @Test
    void thePublicPortServesHealthButNotMetricsOrApiDocuments() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(404);
    }
}
