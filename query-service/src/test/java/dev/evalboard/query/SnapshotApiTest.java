package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * asOf: leaderboards, the table and Pareto sets as built from what had been ingested by an instant (results, model
 * attributes, retractions and flags), through the real broker and ingest-service. Two instants between the same
 * two batches give byte-identical answers with the same ETag, computed apart (each instant is its own cache key),
 * and after further events, a newer version of the benchmark, a new benchmark or its direction settled among them.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SnapshotApiTest {
    private static final String P = Events.uniquePrefix();
    private static final String A = P + "a";
    private static final String B = P + "b";
    private static final String C = P + "c";
    private static final String S = P + "S";
    private static final String T = P + "T";
    private static final String V = P + "V";
    private static final String W = P + "W";
    private static final String JANUARY = "2026-01-01T00:00:00Z";
    private static final String FEBRUARY = "2026-02-01T00:00:00Z";
    private static Instant between;

    @BeforeAll
    static void publishTwoBatchesAroundAnInstant() throws InterruptedException {
        IngestPath.publish(List.of(
                Events.result(A, S, 80).parameters(7_000_000_000L).evaluatedAt(JANUARY).eventId(P + "a-s").json(),
                Events.result(B, S, 70).parameters(9_000_000_000L).evaluatedAt(JANUARY).json(),
                Events.result(A, T, 60).evaluatedAt(JANUARY).json(),
                Events.result(B, T, 65).evaluatedAt(JANUARY).json(),
                Events.result(A, V, 50).version("1").evaluatedAt(JANUARY).json(),
                // W's direction is stated only after the instant: until then, the reader default.
                Events.result(A, W, 50).evaluatedAt(JANUARY).json(),
                Events.result(B, W, 60).evaluatedAt(JANUARY).json()));
        between = Instant.now();
        Thread.sleep(1_000);
        IngestPath.publish(List.of(
                // B's newer run overtakes A; C arrives; A states a new size.
                Events.result(B, S, 90).evaluatedAt(FEBRUARY).json(),
                Events.result(C, S, 85).parameters(1_000_000_000L).evaluatedAt(FEBRUARY).json(),
                Events.result(A, T, 99).parameters(8_000_000_000L).evaluatedAt(FEBRUARY).json()));
        // A's run on S is retracted and B flagged: neither had happened by the snapshot's instant.
        IngestPath.moderate(List.of(
                "{\"action\":\"retract\",\"eventId\":\"" + P + "a-s\",\"reason\":\"leaked\"}",
                "{\"action\":\"flag\",\"model\":\"" + B + "\",\"reason\":\"trained on the test set\"}"));
        // A snapshot must lie 10 s in the past.
        Thread.sleep(Duration.between(Instant.now(), between.plusSeconds(11)).toMillis());
    }

    @Test
    void aBoardAsOfAnInstantHoldsWhatHadBeenIngestedByThenWithTheAttributesStatedByThen() {
        api().get(board(S) + "?asOf=" + between).then().statusCode(200)
                .body("entries.model", contains(A, B))
                .body("entries.score", contains(80f, 70f))
                .body("entries.parameters", contains(7_000_000_000L, 9_000_000_000L));
        api().get(board(S)).then().statusCode(200)
                .body("entries.model", contains(C));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(S) + "&benchmark=" + Urls.encode(T) + "&asOf="
                + between).then().statusCode(200)
                .body("rows.model", contains(A, B))
                .body("rows.mean", contains(70f, 67.5f));
        api().get("/api/v1/pareto?benchmark=" + Urls.encode(S) + "&asOf=" + between).then().statusCode(200)
                .body("frontier.model", contains(A));
        // Evaluated in January, ingested today: as of January nothing of S had been ingested, so S did not exist.
        api().get(board(S) + "?asOf=" + Instant.parse(JANUARY)).then().statusCode(404)
                .body("detail", equalTo("No benchmark is named '" + S + "'."));
    }

    @Test
    void theSameStateGivesByteIdenticalAnswersAndETagsHoweverManyEventsArriveLater() {
        List<String> urls = List.of(board(S), "/api/v1/leaderboard?benchmark=" + Urls.encode(S) + "&benchmark="
                + Urls.encode(T), "/api/v1/pareto?benchmark=" + Urls.encode(S) + "&dominatedLimit=10");
        for (String url : urls) {
            String join = url.contains("?") ? "&" : "?";
            Response before = api().get(url + join + "asOf=" + between);
            String liveBefore = api().get(url).asString();
            IngestPath.publish(List.of(Events.result(P + "late " + url.length(), S, 95).json(),
                    Events.result(A, S, 10).evaluatedAt("2026-03-01T00:00:00Z").json()));
            // Another instant in the same quiet second: its own cache entry, so computed again, after the events.
            Response after = api().get(url + join + "asOf=" + between.plusMillis(1));
            assertEquals(200, before.statusCode());
            assertArrayEquals(before.asByteArray(), after.asByteArray(), url);
            assertEquals(before.header("ETag"), after.header("ETag"), url);
            assertNotEquals(liveBefore, api().get(url).asString(), "the live answer did change: " + url);
        }
        Response csv = api().accept("text/csv").get(board(S) + "?asOf=" + between);
        assertEquals(csv.asString(), api().accept("text/csv").get(board(S) + "?asOf=" + between.plusMillis(2))
                .asString());
    }

    @Test
    void aNewerVersionANewBenchmarkOrADirectionSettledAfterTheInstantLeavesTheSnapshotAsItWas() {
        String newBenchmark = P + "new";
        List<String> urls = List.of(board(V), "/api/v1/leaderboard?benchmark=" + Urls.encode(V),
                "/api/v1/pareto?benchmark=" + Urls.encode(V), board(W));
        List<Response> before = urls.stream().map(url -> api().get(url + (url.contains("?") ? "&" : "?") + "asOf="
                + between)).toList();
        IngestPath.publish(List.of(Events.result(B, V, 60).version("2").evaluatedAt(FEBRUARY).json(),
                Events.result(A, newBenchmark, 40).evaluatedAt(FEBRUARY).json(),
                Events.result(C, W, 10).lowerIsBetter().evaluatedAt(FEBRUARY).json()));
        api().get(board(V)).then().statusCode(200).body("version", equalTo("2"));
        api().get(board(W)).then().statusCode(200).body("higherIsBetter", equalTo(false))
                .body("entries.model", contains(C, A));
        for (int i = 0; i < urls.size(); i++) {
            // Another instant in the same quiet second: its own cache entry, so computed again, after the events.
            String url = urls.get(i);
            Response after = api().get(url + (url.contains("?") ? "&" : "?") + "asOf=" + between.plusMillis(3));
            assertEquals(200, before.get(i).statusCode(), url);
            assertArrayEquals(before.get(i).asByteArray(), after.asByteArray(), url);
            assertEquals(before.get(i).header("ETag"), after.header("ETag"), url);
        }
        api().get(board(V) + "?asOf=" + between).then().statusCode(200)
                .body("version", equalTo("1"))
                .body("versions", contains("1"))
                .body("entries.model", contains(A));
        api().get(board(W) + "?asOf=" + between).then().statusCode(200)
                .body("higherIsBetter", equalTo(true))
                .body("entries.model", contains(B, A));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(V) + "&asOf=" + between).then().statusCode(200)
                .body("benchmarkVersions", contains("1"));
        api().get(board(V) + "?version=2&asOf=" + between).then().statusCode(404)
                .body("detail", equalTo("Benchmark '" + V + "' (pass@1) has no version '2'; it has '1'."));
        api().get(board(newBenchmark) + "?asOf=" + between).then().statusCode(404)
                .body("detail", equalTo("No benchmark is named '" + newBenchmark + "'."));
        api().get("/api/v1/leaderboard?benchmark=" + Urls.encode(newBenchmark) + "&asOf=" + between).then()
                .statusCode(404);
        api().get(board(newBenchmark)).then().statusCode(200).body("entries.model", contains(A));
    }

    @Test
    void anInstantThatIsMalformedOrTooRecentIsABadRequest() {
        for (String asOf : List.of("yesterday", "2026-01-01", "2026-01-01T00:00:00", Instant.now().toString(),
                Instant.now().plusSeconds(3600).toString(), "9".repeat(100))) {
            api().get(board(S) + "?asOf=" + Urls.encode(asOf)).then().statusCode(400)
                    .body("detail", containsString("asOf"));
        }
    }

    private static RequestSpecification api() {
        return given().urlEncodingEnabled(false);
    }

    private static String board(String benchmark) {
        return "/api/v1/leaderboards/" + Urls.encode(benchmark);
    }
}
