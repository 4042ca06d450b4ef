package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moderation end to end: records on eval.moderation, applied by the packaged ingest-service, announced on the change
 * feed, and seen by the (cached) answers of this service.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ModerationApiTest {

    private static RequestSpecification api() {
        return given().urlEncodingEnabled(false).accept("application/json");
    }

    private static String flag(String model, String reason, String url) {
        return "{\"action\":\"flag\",\"model\":\"" + model + "\",\"reason\":\"" + reason + "\",\"url\":\"" + url
                + "\"}";
    }

    @Test
    void aFlaggedModelLeavesTheBoardTableAndParetoAndTheOthersAreRerankedUntilItIsUnflagged() {
        String p = Events.uniquePrefix();
        String bench = p + "Moderated";
        String board = "/api/v1/leaderboards/" + Urls.encode(bench);
        IngestPath.publish(List.of(Events.result(p + "a", bench, 90).parameters(7_000_000_000L).json(),
                Events.result(p + "b", bench, 80).parameters(8_000_000_000L).json(),
                Events.result(p + "c", bench, 70).parameters(9_000_000_000L).json()));
        api().get(board).then().statusCode(200).body("entries.model", contains(p + "a", p + "b", p + "c"));

        IngestPath.moderate(List.of(flag(p + "a", "trained on the test set", "https://example.org/a")));
        api().get(board).then().statusCode(200).body("total", equalTo(2))
                .body("entries.model", contains(p + "b", p + "c")).body("entries.rank", contains(1, 2))
                .body("entries.ciRank", contains(1, 2));
        api().get(board + "?includeFlagged=true").then().statusCode(200).body("total", equalTo(3))
                .body("entries.model", contains(p + "a", p + "b", p + "c"))
                .body("entries[0].flag.reason", equalTo("trained on the test set"))
                .body("entries[0].flag.url", equalTo("https://example.org/a"))
                .body("entries[1].containsKey('flag')", equalTo(false));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(bench)).then().statusCode(200)
                .body("rows.model", contains(p + "b", p + "c"));
        api().get("/api/v1/pareto?benchmark=" + Urls.encode(bench)).then().statusCode(200)
                .body("frontier.model", not(hasItem(p + "a")))
                .body("frontier.model", hasItem(p + "b"));
        api().get("/api/v1/pareto?includeFlagged=true&benchmark=" + Urls.encode(bench)).then().statusCode(200)
                .body("frontier.model", hasItem(p + "a"));
        api().get("/api/v1/models/" + Urls.encode(p + "a")).then().statusCode(200)
                .body("flag.reason", equalTo("trained on the test set"));

        IngestPath.moderate(List.of("{\"action\":\"unflag\",\"model\":\"" + p + "a\"}"));
        api().get(board).then().statusCode(200).body("total", equalTo(3))
                .body("entries.model", contains(p + "a", p + "b", p + "c")).body("entries[0].flag", nullValue());
        api().get("/api/v1/models/" + Urls.encode(p + "a")).then().statusCode(200).body("flag", nullValue());
    }

    @Test
    void aRetractionRestoresThePreviousRunAndTheHistoryMarksIt() {
        String p = Events.uniquePrefix();
        String bench = p + "Retracted";
        String board = "/api/v1/leaderboards/" + Urls.encode(bench);
        IngestPath.publish(List.of(
                Events.result(p + "m", bench, 40).eventId(p + "old").evaluatedAt("2025-01-01T00:00:00Z").json(),
                Events.result(p + "m", bench, 90).eventId(p + "new").evaluatedAt("2025-02-01T00:00:00Z").json(),
                Events.result(p + "n", bench, 60).json()));
        api().get(board).then().statusCode(200).body("entries.model", contains(p + "m", p + "n"))
                .body("entries[0].score", equalTo(90f));

        IngestPath.moderate(List.of("{\"action\":\"retract\",\"eventId\":\"" + p + "new\",\"reason\":\"leaked\"}"));
        api().get(board).then().statusCode(200).body("entries.model", contains(p + "n", p + "m"))
                .body("entries[1].score", equalTo(40f));
        api().get("/api/v1/models/" + Urls.encode(p + "m") + "/history").then().statusCode(200)
                .body("runs.eventId", contains(p + "new", p + "old"))
                .body("runs[0].retracted.reason", equalTo("leaked")).body("runs[0].current", equalTo(false))
                .body("runs[1].retracted", nullValue()).body("runs[1].current", equalTo(true));

        IngestPath.moderate(List.of("{\"action\":\"retract\",\"eventId\":\"" + p + "old\",\"reason\":\"leaked\"}"));
        api().get(board).then().statusCode(200).body("total", equalTo(1)).body("entries.model", contains(p + "n"));
    }

    @Test
    void includeFlaggedIsTrueOrFalse() {
        api().get("/api/v1/leaderboards/x?includeFlagged=yes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'includeFlagged' must be true or false."));
    }
}
