package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranks, filters, pages, the table and Pareto sets over this class's own models and benchmarks. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RankingApiTest {
    private static final String P = Events.uniquePrefix();
    private static final String ALPHA = P + "alpha";
    private static final String BRAVO = P + "bravo";
    private static final String CHARLIE = P + "charlie";
    private static final String DELTA = P + "delta";
    private static final String TIES = P + "Ties";
    private static final String SECOND = P + "Second";
    private static final String LATENCY = P + "Latency";
    private static final String TWINS = P + "Twins";

    @BeforeAll
    static void publish() {
        IngestPath.publish(List.of(
                // alpha's older run is history only: the newer one is current.
                Events.result(ALPHA, TIES, 50).evaluatedAt("2025-01-01T00:00:00Z").parameters(7_000_000_000L)
                        .openness("open-weights").json(),
                Events.result(ALPHA, TIES, 90).costUsd(5).stderr(1.2).json(),
                Events.result(BRAVO, TIES, 80).costUsd(1).stderr(0.5).parameters(14_000_000_000L).openness("closed")
                        .json(),
                Events.result(CHARLIE, TIES, 80).parameters(70_000_000_000L).activeParameters(3_000_000_000L)
                        .openness("open-weights-open-data").json(),
                Events.result(DELTA, TIES, 70).costUsd(2).openness("open-weights").json(),
                Events.result(ALPHA, SECOND, 60).stderr(1.6).json(),
                Events.result(BRAVO, SECOND, 70).json(),
                Events.result(CHARLIE, SECOND, 100).json(),
                Events.result(ALPHA, LATENCY, 120).metric("ms").lowerIsBetter().json(),
                Events.result(BRAVO, LATENCY, 80).metric("ms").lowerIsBetter().json(),
                Events.result(CHARLIE, LATENCY, 80).metric("ms").lowerIsBetter().json(),
                Events.result(DELTA, LATENCY, 200).metric("ms").lowerIsBetter().json(),
                Events.result(P + "twin-1", TWINS, 50).parameters(5_000_000_000L).json(),
                Events.result(P + "twin-2", TWINS, 50).parameters(5_000_000_000L).json(),
                Events.result(P + "bigger", TWINS, 40).parameters(6_000_000_000L).json()));
    }

    private static RequestSpecification api() {
        return given().urlEncodingEnabled(false);
    }

    private static String leaderboard(String benchmark) {
        return "/api/v1/leaderboards/" + Urls.encode(benchmark);
    }

    @Test
    void equalScoresShareACompetitionRank() {
        api().get(leaderboard(TIES)).then().statusCode(200)
                .body("total", equalTo(4))
                .body("entries.model", contains(ALPHA, BRAVO, CHARLIE, DELTA))
                .body("entries.rank", contains(1, 2, 2, 4))
                .body("entries[0].score", equalTo(90.0f))
                .body("entries[0].costUsd", equalTo(5.0f))
                .body("entries[2].costUsd", nullValue())
                .body("entries[3].parameters", nullValue());
    }

    @Test
    void aPageKeepsRanksOfTiesThatStartedOnThePageBefore() {
        api().get(leaderboard(TIES) + "?limit=2&offset=2").then().statusCode(200)
                .body("total", equalTo(4))
                .body("limit", equalTo(2))
                .body("offset", equalTo(2))
                .body("entries.model", contains(CHARLIE, DELTA))
                .body("entries.rank", contains(2, 4));
        api().get(leaderboard(TIES) + "?limit=1&offset=1").then().statusCode(200)
                .body("entries.model", contains(BRAVO)).body("entries.rank", contains(2));
        api().get(leaderboard(TIES) + "?offset=10").then().statusCode(200)
                .body("total", equalTo(4)).body("entries.size()", equalTo(0));
    }

    @Test
    void lowerIsBetterRanksAscending() {
        api().get(leaderboard(LATENCY) + "?metric=ms").then().statusCode(200)
                .body("higherIsBetter", equalTo(false))
                .body("metric", equalTo("ms"))
                .body("entries.model", contains(BRAVO, CHARLIE, ALPHA, DELTA))
                .body("entries.rank", contains(1, 1, 3, 4));
    }

    @Test
    void filtersNarrowTheLeaderboardAndRankWithinIt() {
        api().get(leaderboard(TIES) + "?openness=open-weights").then().statusCode(200)
                .body("total", equalTo(2)).body("entries.model", contains(ALPHA, DELTA))
                .body("entries.rank", contains(1, 2));
        api().get(leaderboard(TIES) + "?openness=closed&openness=open-weights-open-data").then().statusCode(200)
                .body("entries.model", contains(BRAVO, CHARLIE)).body("entries.rank", contains(1, 1));
        api().get(leaderboard(TIES) + "?minParameters=10000000000").then().statusCode(200)
                .body("entries.model", contains(BRAVO, CHARLIE));
        api().get(leaderboard(TIES) + "?maxParameters=14000000000&minParameters=7000000000").then().statusCode(200)
                .body("entries.model", contains(ALPHA, BRAVO));
        api().get(leaderboard(TIES) + "?q=CHARL").then().statusCode(200)
                .body("entries.model", contains(CHARLIE));
        // Empty values, as an HTML form sends them, do not filter.
        api().get(leaderboard(TIES) + "?openness=&minParameters=&maxParameters=&q=").then().statusCode(200)
                .body("total", equalTo(4));
    }

    @Test
    void modelsAreListedWithFiltersAndPages() {
        api().get("/api/v1/models?q=" + Urls.encode(P)).then().statusCode(200)
                .body("total", equalTo(7))
                .body("models.name", contains(ALPHA, P + "bigger", BRAVO, CHARLIE, DELTA, P + "twin-1", P + "twin-2"))
                .body("models[0].parameters", equalTo(7000000000L))
                .body("models[0].openness", equalTo("open-weights"))
                .body("models[0].resultCount", equalTo(3))
                .body("models[3].activeParameters", equalTo(3000000000L));
        api().get("/api/v1/models?limit=2&offset=1&q=" + Urls.encode(P)).then().statusCode(200)
                .body("total", equalTo(7)).body("models.name", contains(P + "bigger", BRAVO));
        api().get("/api/v1/models?openness=closed&q=" + Urls.encode(P)).then().statusCode(200)
                .body("models.name", contains(BRAVO));
        api().get("/api/v1/models?minParameters=6000000000&maxParameters=14000000000&q=" + Urls.encode(P))
                .then().statusCode(200).body("models.name", contains(ALPHA, P + "bigger", BRAVO));
    }

    @Test
    void historyListsEveryRunNewestFirstAndMarksTheCurrentOne() {
        api().get("/api/v1/models/" + Urls.encode(ALPHA) + "/history?benchmark=" + Urls.encode(TIES))
                .then().statusCode(200)
                .body("runs.score", contains(90.0f, 50.0f))
                .body("runs.current", contains(true, false))
                .body("runs.evaluatedAt", contains("2025-06-01T00:00:00Z", "2025-01-01T00:00:00Z"));
        api().get("/api/v1/models/" + Urls.encode(ALPHA) + "/history?limit=1&offset=1&benchmark="
                + Urls.encode(TIES)).then().statusCode(200).body("runs.score", contains(50.0f));
        api().get("/api/v1/models/" + Urls.encode(ALPHA) + "/history?metric=ms").then().statusCode(200)
                .body("runs.benchmark", contains(LATENCY));
        api().get("/api/v1/models/" + Urls.encode(ALPHA)).then().statusCode(200)
                .body("results.benchmark", contains(LATENCY, SECOND, TIES))
                .body("results[2].score", equalTo(90.0f));
    }

    @Test
    void theTableRanksByMeanAndPutsModelsMissingABenchmarkLast() {
        String url = "/api/v1/leaderboard?benchmark=" + Urls.encode(TIES) + "&benchmark=" + Urls.encode(SECOND);
        api().get(url).then().statusCode(200)
                .body("benchmarks", contains(TIES, SECOND))
                .body("total", equalTo(4))
                .body("rows.model", contains(CHARLIE, ALPHA, BRAVO, DELTA))
                .body("rows.rank", contains(1, 2, 2, null))
                .body("rows.mean", contains(90.0f, 75.0f, 75.0f, null))
                .body("rows[0].scores." + "'" + SECOND + "'", equalTo(100.0f))
                .body("rows[3].missing", contains(SECOND))
                .body("rows[3].scores." + "'" + TIES + "'", equalTo(70.0f))
                .body("rows[1].missing.size()", equalTo(0));
        api().get(url + "&limit=2&offset=2").then().statusCode(200)
                .body("rows.model", contains(BRAVO, DELTA)).body("rows.rank", contains(2, null));
        api().get(url + "&openness=open-weights").then().statusCode(200)
                .body("rows.model", contains(ALPHA, DELTA));
    }

    @Test
    void theTableAndTheParetoSetCarryStandardErrors() {
        String benchmarks = "benchmark=" + Urls.encode(TIES) + "&benchmark=" + Urls.encode(SECOND);
        api().get("/api/v1/leaderboard?" + benchmarks).then().statusCode(200)
                .body("rows.model", contains(CHARLIE, ALPHA, BRAVO, DELTA))
                .body("rows[1].stderrs." + "'" + TIES + "'", equalTo(1.2f))
                .body("rows[1].stderrs." + "'" + SECOND + "'", equalTo(1.6f))
                .body("rows[2].stderrs." + "'" + TIES + "'", equalTo(0.5f))
                .body("rows[2].stderrs.size()", equalTo(1))
                .body("rows[0].stderrs.size()", equalTo(0));
        api().get("/api/v1/pareto?dominatedLimit=100&benchmark=" + Urls.encode(TIES)).then().statusCode(200)
                .body("frontier.model", contains(ALPHA)).body("frontier[0].stderr", equalTo(1.2f))
                .body("dominated.stderr", contains(0.5f, null));
        // Over two benchmarks: sqrt(1.2² + 1.6²) / 2 = 1; bravo has none on the second, so none for its mean.
        api().get("/api/v1/pareto?dominatedLimit=100&" + benchmarks).then().statusCode(200)
                .body("frontier.model", contains(ALPHA, CHARLIE)).body("frontier.stderr", contains(1.0f, null))
                .body("dominated.stderr", contains((Object) null));
    }

    @Test
    void aTableOfLowerIsBetterBenchmarksRanksAscending() {
        api().get("/api/v1/leaderboard?metric=ms&benchmark=" + Urls.encode(LATENCY)).then().statusCode(200)
                .body("higherIsBetter", equalTo(false))
                .body("rows.model", contains(BRAVO, CHARLIE, ALPHA, DELTA))
                .body("rows.rank", contains(1, 1, 3, 4));
    }

    @Test
    void aTableOfOneBenchmarkIsItsLeaderboard() {
        for (String board : List.of(TIES, LATENCY)) {
            String metric = board.equals(LATENCY) ? "ms" : "pass@1";
            var leaderboard = api().get(leaderboard(board) + "?metric=" + metric).then().statusCode(200).extract()
                    .jsonPath();
            var table = api().get("/api/v1/leaderboard?metric=" + metric + "&benchmark=" + Urls.encode(board))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(leaderboard.getList("entries.model"), table.getList("rows.model"));
            assertEquals(leaderboard.getList("entries.rank"), table.getList("rows.rank"));
            assertEquals(leaderboard.getList("entries.ciRank"), table.getList("rows.ciRank"));
            assertEquals(leaderboard.getList("entries.score"), table.getList("rows.mean"));
            assertEquals(leaderboard.getInt("total"), table.getInt("total"));
        }
    }

    @Test
    void paretoOverParametersCountsModelsWithoutParametersAsExcluded() {
        api().get("/api/v1/pareto?dominatedLimit=100&benchmark=" + Urls.encode(TIES)).then().statusCode(200)
                .body("x", equalTo("parameters"))
                .body("frontier.model", contains(ALPHA))
                .body("dominated.model", contains(BRAVO, CHARLIE))
                .body("excluded", equalTo(1));
    }

    @Test
    void paretoFollowsALowerIsBetterScore() {
        api().get("/api/v1/pareto?dominatedLimit=100&metric=ms&benchmark=" + Urls.encode(LATENCY)).then().statusCode(200)
                .body("higherIsBetter", equalTo(false))
                .body("frontier.model", contains(ALPHA, BRAVO))
                .body("dominated.model", contains(CHARLIE));
    }

    @Test
    void paretoOverCostAndActiveParameters() {
        api().get("/api/v1/pareto?dominatedLimit=100&x=costUsd&benchmark=" + Urls.encode(TIES)).then().statusCode(200)
                .body("x", equalTo("costUsd"))
                .body("frontier.model", contains(BRAVO, ALPHA))
                .body("frontier.x", contains(1.0f, 5.0f))
                .body("dominated.model", contains(DELTA))
                .body("excluded", equalTo(1));
        // A model without activeParameters is dense: all its parameters are active.
        api().get("/api/v1/pareto?dominatedLimit=100&x=activeParameters&benchmark=" + Urls.encode(TIES)).then().statusCode(200)
                .body("frontier.model", contains(CHARLIE, ALPHA))
                .body("frontier.x", contains(3000000000L, 7000000000L))
                .body("dominated.model", contains(BRAVO));
    }

    @Test
    void paretoOverSeveralBenchmarksUsesTheMeanOfModelsHavingAll() {
        api().get("/api/v1/pareto?dominatedLimit=100&benchmark=" + Urls.encode(TIES) + "&benchmark=" + Urls.encode(SECOND))
                .then().statusCode(200)
                .body("y", equalTo("mean"))
                .body("frontier.model", contains(ALPHA, CHARLIE))
                .body("frontier.y", contains(75.0f, 90.0f))
                .body("dominated.model", contains(BRAVO))
                .body("excluded", equalTo(0));
    }

    @Test
    void identicalPointsAreBothOnTheFrontier() {
        api().get("/api/v1/pareto?dominatedLimit=100&benchmark=" + Urls.encode(TWINS)).then().statusCode(200)
                .body("frontier.model", contains(P + "twin-1", P + "twin-2"))
                .body("dominated.model", contains(P + "bigger"));
    }
}
