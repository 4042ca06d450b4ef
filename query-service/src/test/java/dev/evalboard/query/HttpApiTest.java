package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Representations and HTTP semantics: CSV, ETag/304, caching, CORS, awkward names, OpenAPI, operations. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HttpApiTest {
    private static final String P = Events.uniquePrefix();
    // Spaces, a slash, quotes, a comma and non-ASCII letters: all must survive paths, queries and CSV.
    private static final String MODEL = P + "Müller's \"Qwen\", 7B / v2 日本";
    private static final String OTHER = P + "Ångström-3B";
    private static final String BENCH = P + "Bench / ü \"q\"";
    private static final String LEADERBOARD = "/api/v1/leaderboards/" + Urls.encode(BENCH);

    @BeforeAll
    static void publish() {
        IngestPath.publish(List.of(
                Events.result(MODEL, BENCH, 70.25).parameters(7_000_000_000L).openness("open-weights").json(),
                Events.result(OTHER, BENCH, 60).parameters(3_000_000_000L).openness("closed").json()));
    }

    private static Response get(String url, String accept) {
        return given().urlEncodingEnabled(false).accept(accept).get(url);
    }

    @Test
    void namesWithSpacesSlashesQuotesAndNonAsciiWorkInPathsAndParameters() {
        get(LEADERBOARD, "application/json").then().statusCode(200)
                .body("benchmark", equalTo(BENCH))
                .body("entries.model", contains(MODEL, OTHER));
        get("/api/v1/models/" + Urls.encode(MODEL), "application/json").then().statusCode(200)
                .body("name", equalTo(MODEL))
                .body("results[0].benchmark", equalTo(BENCH));
        get("/api/v1/models/" + Urls.encode(MODEL) + "/history?benchmark=" + Urls.encode(BENCH),
                "application/json").then().statusCode(200).body("runs[0].score", equalTo(70.25f));
        get("/api/v1/models?q=" + Urls.encode("müller's \"qwen\""), "application/json").then().statusCode(200)
                .body("models.name", contains(MODEL));
        get("/api/v1/pareto?benchmark=" + Urls.encode(BENCH), "application/json").then().statusCode(200)
                .body("frontier.model", contains(OTHER, MODEL));
    }

    @Test
    void leaderboardAnswersCsvWithQuotedFields() {
        String csv = get(LEADERBOARD, "text/csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("rank,ciRank,model,score,stderr,ciLow,ciHigh,samples,costUsd,parameters,activeParameters,"
                + "openness,organization,evaluatedAt,partial,version", lines[0]);
        assertEquals("1,1,\"" + MODEL.replace("\"", "\"\"") + "\",70.25,,70.25,70.25,,,7000000000,,open-weights,,"
                + "2025-06-01T00:00:00Z,false,", lines[1]);
        assertEquals(3, lines.length);
    }

    @Test
    void tableAndParetoAnswerCsv() {
        String table = get("/api/v1/leaderboard?benchmark=" + Urls.encode(BENCH), "text/csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = table.split("\r\n");
        assertEquals("rank,ciRank,model,mean,aggregate,stderr,ciLow,ciHigh,\"" + BENCH.replace("\"", "\"\"")
                + "\",missing,parameters,activeParameters,openness", lines[0]);
        assertEquals("2,2," + OTHER + ",60,60,,60,60,60,,3000000000,,closed", lines[2]);

        String pareto = get("/api/v1/pareto?benchmark=" + Urls.encode(BENCH), "text/csv, application/json;q=0.5")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertEquals(List.of("set,model,parameters,score,stderr,openness,parameters,activeParameters,organization",
                "frontier," + OTHER + ",3000000000,60,,closed,3000000000,,",
                "frontier,\"" + MODEL.replace("\"", "\"\"") + "\",7000000000,70.25,,open-weights,7000000000,,"),
                List.of(pareto.split("\r\n")));
    }

    @Test
    void jsonStaysTheDefaultWhenTheClientPrefersIt() {
        get(LEADERBOARD, "application/json, text/csv;q=0.5").then().statusCode(200)
                .contentType("application/json");
        get(LEADERBOARD, "*/*").then().statusCode(200).contentType("application/json");
    }

    @Test
    void aStrongETagAnswers304OnAMatchingIfNoneMatch() {
        Response first = get(LEADERBOARD, "application/json");
        String etag = first.header("ETag");
        first.then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{43}\""))
                .header("Cache-Control", equalTo("public, no-cache"))
                .header("Vary", containsString("Accept"));
        assertEquals(etag, get(LEADERBOARD, "application/json").header("ETag"), "same data, same tag");

        given().urlEncodingEnabled(false).header("If-None-Match", etag).get(LEADERBOARD).then()
                .statusCode(304).header("ETag", equalTo(etag))
                .header("Cache-Control", equalTo("public, no-cache")).body(emptyString());
        given().urlEncodingEnabled(false).header("If-None-Match", "\"other\", W/" + etag).get(LEADERBOARD).then()
                .statusCode(304);
        given().urlEncodingEnabled(false).header("If-None-Match", "\"other\"").get(LEADERBOARD).then()
                .statusCode(200).body("entries.size()", equalTo(2));

        assertNotEquals(etag, get(LEADERBOARD, "text/csv").header("ETag"), "each representation has its own tag");
        assertNotEquals(etag, get(LEADERBOARD + "?limit=1", "application/json").header("ETag"));
        given().header("If-None-Match", "*").get("/api/v1/benchmarks").then().statusCode(304);
    }

    @Test
    void everyGetIsOpenToOtherOriginsWithOneAnswerForAllOfThem() {
        // "*" without credentials: a cached answer is right for every origin, so no Vary: Origin is needed.
        given().header("Origin", "https://charts.example").get("/api/v1/benchmarks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://charts.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/pareto").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void noAnswerMayBeSniffedAndCsvIsADownload() {
        for (String accept : List.of("application/json", "text/csv")) {
            get(LEADERBOARD, accept).then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
        }
        get("/api/v1/leaderboards/" + Urls.encode(P + "missing"), "application/json").then().statusCode(404)
                .header("X-Content-Type-Options", equalTo("nosniff"));
        get("/api/v1/models", "application/json").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
        get(LEADERBOARD, "text/csv").then().header("Content-Disposition",
                equalTo("attachment; filename=\"leaderboard.csv\""));
        get("/api/v1/pareto?benchmark=" + Urls.encode(BENCH), "text/csv").then()
                .header("Content-Disposition", startsWith("attachment"));
        get(LEADERBOARD, "application/json").then().header("Content-Disposition", nullValue());
    }
}
