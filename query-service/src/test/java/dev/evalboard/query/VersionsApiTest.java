package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Benchmark versions and partial runs through the real broker, ingest-service and database: versions are never
 * ranked together, a board shows the newest unless asked, and partial runs stay out of ranks unless included.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VersionsApiTest {
    private static final String P = Events.uniquePrefix();
    private static final String ALPHA = P + "alpha";
    private static final String BRAVO = P + "bravo";
    private static final String CHARLIE = P + "charlie";
    private static final String VERSIONED = P + "Versioned";
    private static final String PARTIAL = P + "Partial";

    @BeforeAll
    static void publish() {
        IngestPath.publish(List.of(
                // Version 10 is newer than 9 (numbers compare as numbers); runs without a version are the oldest.
                Events.result(ALPHA, VERSIONED, 90).json(),
                Events.result(ALPHA, VERSIONED, 50).version("9").parameters(7_000_000_000L).json(),
                Events.result(BRAVO, VERSIONED, 60).version("9").parameters(8_000_000_000L).json(),
                Events.result(BRAVO, VERSIONED, 40).version("10").parameters(8_000_000_000L).json(),
                Events.result(CHARLIE, VERSIONED, 30).version("10").parameters(9_000_000_000L).json(),
                Events.result(ALPHA, PARTIAL, 95).samples(100, 1000).parameters(7_000_000_000L).json(),
                Events.result(BRAVO, PARTIAL, 70).samples(1000, 1000).parameters(8_000_000_000L).json(),
                Events.result(CHARLIE, PARTIAL, 60).parameters(9_000_000_000L).json()));
    }

    private static RequestSpecification api() {
        return given().urlEncodingEnabled(false);
    }

    private static String leaderboard(String benchmark) {
        return "/api/v1/leaderboards/" + Urls.encode(benchmark);
    }

    @Test
    void aBoardShowsTheNewestVersionAndListsEveryVersion() {
        api().get(leaderboard(VERSIONED)).then().statusCode(200)
                .body("version", equalTo("10"))
                .body("versions", equalTo(Arrays.asList("10", "9", null)))
                .body("total", equalTo(2))
                .body("entries.model", contains(BRAVO, CHARLIE))
                .body("entries.rank", contains(1, 2));
    }

    @Test
    void versionGivesAnotherVersionNeverMixedWithTheNewest() {
        api().get(leaderboard(VERSIONED) + "?version=9").then().statusCode(200)
                .body("version", equalTo("9"))
                .body("total", equalTo(2))
                .body("entries.model", contains(BRAVO, ALPHA))
                .body("entries.score", contains(60f, 50f));
        api().get("/api/v1/benchmarks/" + Urls.encode(VERSIONED) + "/progress?version=9").then().statusCode(200)
                .body("version", equalTo("9")).body("runCount", equalTo(2));
        api().get("/api/v1/pareto?benchmark=" + Urls.encode(VERSIONED) + "&version=9").then().statusCode(200)
                .body("version", equalTo("9")).body("frontier.model", contains(ALPHA, BRAVO));
        api().accept("text/csv").get(leaderboard(VERSIONED) + "?version=9").then().statusCode(200)
                .body(containsString(",false,9"));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(VERSIONED) + "&version=9").then().statusCode(200)
                .body("rows.model", contains(BRAVO, ALPHA));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(VERSIONED)).then().statusCode(200)
                .body("benchmarkVersions", contains("10"))
                .body("rows.model", contains(BRAVO, CHARLIE));
    }

    @Test
    void anUnknownVersionIsA404NamingTheVersionsThatExist() {
        api().get(leaderboard(VERSIONED) + "?version=11").then().statusCode(404)
                .body("detail", containsString("'10', '9', runs without a version"));
        api().get(leaderboard(VERSIONED) + "?version=%20x").then().statusCode(400)
                .body("detail", containsString("'version'"));
        api().get("/api/v1/pareto?benchmark=" + Urls.encode(VERSIONED) + "&benchmark=" + Urls.encode(PARTIAL)
                + "&version=9").then().statusCode(400);
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(VERSIONED) + "&benchmark=" + Urls.encode(PARTIAL)
                + "&version=9").then().statusCode(400);
    }

    @Test
    void aPartialRunIsLeftOutOfRanksUnlessIncluded() {
        api().get(leaderboard(PARTIAL)).then().statusCode(200)
                .body("includePartial", equalTo(false))
                .body("total", equalTo(2))
                .body("entries.model", contains(BRAVO, CHARLIE))
                .body("entries.rank", contains(1, 2));
        api().get(leaderboard(PARTIAL) + "?includePartial=true").then().statusCode(200)
                .body("total", equalTo(3))
                .body("entries.model", contains(ALPHA, BRAVO, CHARLIE))
                .body("entries.rank", contains(1, 2, 3))
                .body("entries.partial", contains(true, false, false));
        api().get("/api/v1/pareto?benchmark=" + Urls.encode(PARTIAL)).then().statusCode(200)
                .body("frontier.model", contains(BRAVO));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(PARTIAL) + "&benchmark=" + Urls.encode(VERSIONED)
                + "&minBenchmarks=1&includePartial=true").then().statusCode(200)
                .body("benchmarkVersions", equalTo(Arrays.asList(null, "10")))
                .body("rows.model", contains(ALPHA, BRAVO, CHARLIE));
        api().get(leaderboard(PARTIAL) + "?includePartial=yes").then().statusCode(400)
                .body("detail", containsString("'includePartial' must be true or false"));
    }

    @Test
    void theModelPageShowsEachRunsSettingsAndVersion() {
        api().get("/api/v1/models/" + Urls.encode(ALPHA)).then().statusCode(200)
                .body("results.find { it.benchmark == '" + PARTIAL + "' }.settings.fewShot", equalTo(5))
                .body("results.find { it.benchmark == '" + PARTIAL + "' }.settings.samplesTotal", equalTo(1000))
                .body("results.find { it.benchmark == '" + PARTIAL + "' }.settings.harnessVersion", equalTo("0.4.9"))
                .body("results.find { it.benchmark == '" + PARTIAL + "' }.settings.commit", equalTo("abc1234"))
                .body("results.find { it.benchmark == '" + PARTIAL + "' }.partial", equalTo(true))
                .body("results.findAll { it.benchmark == '" + VERSIONED + "' }.version",
                        equalTo(Arrays.asList(null, "9")));
        api().get("/api/v1/models/" + Urls.encode(CHARLIE)).then().statusCode(200)
                .body("results.find { it.benchmark == '" + PARTIAL + "' }.settings", nullValue());
    }
}
