package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chart embedded in a dashboard keeps drawing while query-service fails, from the last answer it gave (within
 * {@code serve-stale-for}); a chart it never answered for is a 503.
 */
@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
@TestProfile(ChartsOutliveQueryServiceTest.ShortCache.class)
class ChartsOutliveQueryServiceTest {

    private static final long TTL_MILLIS = 300;

    public static class ShortCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The breaker is off so that one test's failures cannot keep it open into the next; an open breaker is
            // one more failure the expired answer stands in for (ExpiringCacheTest).
            return Map.of("evalboard.chart.cache.ttl", "PT" + TTL_MILLIS / 1000.0 + "S",
                    "evalboard.chart.cache.serve-stale-for", "PT10M",
                    "dev.evalboard.chart.client.QueryGateway/CircuitBreaker/enabled", "false");
        }
    }

    @AfterEach
    void queryServiceRecovers() {
        FakeQueryService.FAILING.set(false);
    }

    @Test
    void anExpiredChartIsDrawnWhileQueryServiceFails() throws InterruptedException {
        String drawn = scatter("LiveCodeBench v5").then().statusCode(200).extract().asString();
        FakeQueryService.FAILING.set(true);
        Thread.sleep(TTL_MILLIS * 2);
        long before = paretoHits("LiveCodeBench");

        assertEquals(drawn, scatter("LiveCodeBench v5").then().statusCode(200).extract().asString());
        assertTrue(paretoHits("LiveCodeBench") > before, "the expired answer was reloaded, and the reload failed");
        scatter("AIME 2024").then().statusCode(503);
    }

    @Test
    void aRecoveredQueryServiceIsAskedAgain() throws InterruptedException {
        scatter("MATH-500").then().statusCode(200);
        FakeQueryService.FAILING.set(true);
        Thread.sleep(TTL_MILLIS * 2);
        scatter("MATH-500").then().statusCode(200);
        FakeQueryService.FAILING.set(false);
        long before = paretoHits("MATH-500");

        scatter("MATH-500").then().statusCode(200);
        assertEquals(before + 1, paretoHits("MATH-500"), "the expired answer was reloaded once query-service was back");
    }

    private static io.restassured.response.Response scatter(String benchmark) {
        return given().queryParam("benchmark", benchmark).when().get("/charts/scatter.svg");
    }

    private static long paretoHits(String benchmark) {
        return FakeQueryService.HITS.entrySet().stream()
                .filter(e -> e.getKey().startsWith("/api/v1/pareto") && e.getKey().contains(benchmark))
                .mapToInt(e -> e.getValue().get()).sum();
    }
}
