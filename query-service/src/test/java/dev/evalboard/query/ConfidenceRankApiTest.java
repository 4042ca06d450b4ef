package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ciLow, ciHigh and ciRank on leaderboards and the table, sort=ciRank, and the table's aggregates (mean,
 * normalized, winrate) with minBenchmarks: events published to the broker, stored by the real ingest-service.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConfidenceRankApiTest {
    private static final String P = Events.uniquePrefix();
    private static final String A = P + "a";
    private static final String B = P + "b";
    private static final String C = P + "c";
    private static final String D = P + "d";
    private static final String ARENA = P + "Arena";
    private static final String LATENCY = P + "Latency";
    private static final String X = P + "X";
    private static final String Y = P + "Y";
    private static final String W = P + "W";
    // 1.96 × this is 5: intervals of ±5 (up to rounding).
    private static final double FIVE = 5 / 1.96;

    @BeforeAll
    static void publish() {
        IngestPath.publish(List.of(
                // The example, A [90,100], B [95,105], C [110,120], and D, a point at 99.
                Events.result(A, ARENA, 95).stderr(FIVE).openness("open-weights").raw().json(),
                Events.result(B, ARENA, 100).stderr(FIVE).openness("open-weights").raw().json(),
                Events.result(C, ARENA, 115).stderr(FIVE).openness("closed").raw().json(),
                Events.result(D, ARENA, 99).openness("open-weights").raw().json(),
                // Mirrored: lower is better.
                Events.result(A, LATENCY, 95).stderr(FIVE).metric("ms").lowerIsBetter().json(),
                Events.result(B, LATENCY, 100).stderr(FIVE).metric("ms").lowerIsBetter().json(),
                Events.result(C, LATENCY, 80).stderr(FIVE).metric("ms").lowerIsBetter().json(),
                // X has a random baseline of 25 (guessing one of four), Y none.
                Events.result(A, X, 30).stderr(3).baseline(25).json(),
                Events.result(B, X, 60).json(),
                Events.result(C, X, 90).json(),
                Events.result(A, Y, 80).stderr(4).json(),
                Events.result(B, Y, 45).json(),
                // The win-rate example: one column, A 90, B 50, C 50.
                Events.result(A, W, 90).json(),
                Events.result(B, W, 50).json(),
                Events.result(C, W, 50).json()));
    }

    private static RequestSpecification api() {
        return given().urlEncodingEnabled(false).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }

    private static String board(String benchmark) {
        return "/api/v1/leaderboards/" + Urls.encode(benchmark);
    }

    private static String table(String... benchmarks) {
        StringBuilder url = new StringBuilder("/api/v1/leaderboard?");
        for (String benchmark : benchmarks) {
            url.append("benchmark=").append(Urls.encode(benchmark)).append('&');
        }
        return url.toString();
    }

    @Test
    void overlappingIntervalsShareACiRankWhileRanksFollowScores() {
        api().get(board(ARENA)).then().statusCode(200)
                .body("sort", equalTo("rank"))
                .body("entries.model", contains(C, B, D, A))
                .body("entries.rank", contains(1, 2, 3, 4))
                .body("entries.ciRank", contains(1, 2, 2, 2))
                .body("entries[0].ciLow", closeTo(110.0, 1e-9))
                .body("entries[0].ciHigh", closeTo(120.0, 1e-9))
                .body("entries[2].ciLow", equalTo(99.0))
                .body("entries[2].ciHigh", equalTo(99.0));
    }

    @Test
    void sortByCiRankOrdersByTheBetterEndAndPagesKeepBothRanks() {
        api().get(board(ARENA) + "?sort=ciRank").then().statusCode(200)
                .body("sort", equalTo("ciRank"))
                .body("entries.model", contains(C, B, A, D))
                .body("entries.ciRank", contains(1, 2, 2, 2))
                .body("entries.rank", contains(1, 2, 4, 3));
        api().get(board(ARENA) + "?sort=ciRank&limit=1&offset=2").then().statusCode(200)
                .body("total", equalTo(4))
                .body("entries.model", contains(A)).body("entries.rank", contains(4))
                .body("entries.ciRank", contains(2));
    }

    @Test
    void filtersRankWithinTheFilteredBoardAndLowerIsBetterMirrors() {
        // Without C, nothing lies beyond anyone.
        api().get(board(ARENA) + "?openness=open-weights").then().statusCode(200)
                .body("entries.model", contains(B, D, A)).body("entries.ciRank", contains(1, 1, 1));
        api().get(board(LATENCY) + "?metric=ms").then().statusCode(200)
                .body("entries.model", contains(C, A, B))
                .body("entries.ciRank", contains(1, 2, 2))
                .body("entries.rank", contains(1, 2, 3));
    }

    @Test
    void theCsvCarriesCiRankAndTheInterval() {
        String csv = api().accept("text/csv").get(board(ARENA) + "?sort=ciRank&limit=1").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("rank,ciRank,model,score,stderr,ciLow,ciHigh", String.join(",",
                List.of(lines[0].split(",")).subList(0, 7)));
        assertEquals(List.of("1", "1", C), List.of(lines[1].split(",")).subList(0, 3));
    }

    @Test
    void theTableMeanCarriesItsPropagatedStandardErrorAndInterval() {
        // A: mean (30 + 80) / 2 = 55, stderr sqrt(3² + 4²) / 2 = 2.5, interval 55 ∓ 4.9; B: 52.5 without one.
        api().get(table(X, Y)).then().statusCode(200)
                .body("aggregate", equalTo("mean"))
                .body("minBenchmarks", equalTo(2))
                .body("rows.model", contains(A, B, C))
                .body("rows.rank", contains(1, 2, null))
                .body("rows.ciRank", contains(1, 1, null))
                .body("rows[0].aggregate", equalTo(55.0))
                .body("rows[0].stderr", equalTo(2.5))
                .body("rows[0].ciLow", closeTo(50.1, 1e-9))
                .body("rows[0].ciHigh", closeTo(59.9, 1e-9))
                .body("rows[1].stderr", nullValue())
                .body("rows[2].aggregate", nullValue())
                .body("rows[2].missing", contains(Y));
    }

    @Test
    void normalizedScoresRescaleAgainstTheStatedBaselineAndChangeTheOrder() {
        // X: A (30 - 25) / 75 = 6.67, B 46.67; Y has no baseline: A 80, B 45. Means 43.33 and 45.83.
        api().get(table(X, Y) + "aggregate=normalized").then().statusCode(200)
                .body("aggregate", equalTo("normalized"))
                .body("rows.model", contains(B, A, C))
                .body("rows.rank", contains(1, 2, null))
                .body("rows[0].aggregate", closeTo(45.8333, 1e-3))
                .body("rows[0].mean", equalTo(52.5))
                .body("rows[1].aggregate", closeTo(43.3333, 1e-3))
                .body("rows[1].stderr", closeTo(Math.sqrt(4.0 * 4.0 + 4.0 * 4.0) / 2, 1e-9));
    }

    @Test
    void winRatesFollowHelmAndMinBenchmarksDecidesWhoIsRanked() {
        api().get(table(W) + "aggregate=winrate").then().statusCode(200)
                .body("higherIsBetter", equalTo(true))
                .body("rows.model", contains(A, B, C))
                .body("rows.aggregate", contains(1.0, 0.25, 0.25))
                .body("rows.rank", contains(1, 2, 2));
        // X: A 0, B 1/2, C 1; Y: A 1, B 0. C has only X.
        api().get(table(X, Y) + "aggregate=winrate").then().statusCode(200)
                .body("rows.model", contains(A, B, C))
                .body("rows.aggregate", contains(0.5, 0.25, null))
                .body("rows.rank", contains(1, 2, null));
        api().get(table(X, Y) + "aggregate=winrate&minBenchmarks=1").then().statusCode(200)
                .body("minBenchmarks", equalTo(1))
                .body("rows.model", contains(C, A, B))
                .body("rows.aggregate", contains(1.0, 0.5, 0.25))
                .body("rows.rank", contains(1, 2, 3))
                .body("rows[0].missing", contains(Y));
        api().get(table(X, Y) + "aggregate=mean&minBenchmarks=1").then().statusCode(200)
                .body("rows.model", contains(C, A, B)).body("rows.aggregate", contains(90.0, 55.0, 52.5));
    }

    @Test
    void theTableSortsByCiRankToo() {
        // Normalized: B 45.83 (a point), A 43.33 with stderr 2.83, so A's interval reaches past B's.
        api().get(table(X, Y) + "aggregate=normalized&sort=ciRank").then().statusCode(200)
                .body("sort", equalTo("ciRank"))
                .body("rows.model", contains(A, B, C))
                .body("rows.rank", contains(2, 1, null))
                .body("rows.ciRank", contains(1, 1, null));
        // One benchmark by mean is its leaderboard, from the index.
        api().get(table(ARENA) + "sort=ciRank").then().statusCode(200)
                .body("rows.model", contains(C, B, A, D))
                .body("rows.ciRank", contains(1, 2, 2, 2))
                .body("rows.rank", contains(1, 2, 4, 3));
    }
}
