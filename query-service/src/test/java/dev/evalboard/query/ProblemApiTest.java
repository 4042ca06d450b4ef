package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal is an RFC 9457 problem with the right status, and never shows internals. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProblemApiTest {
    private static final String P = Events.uniquePrefix();
    private static final String BENCH = Urls.encode(P + "bench");
    private static final String MODEL = Urls.encode(P + "model");
    private static final String LOWER = Urls.encode(P + "lower");

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void publish() {
        IngestPath.publish(List.of(Events.result(P + "model", P + "bench", 50).json(),
                Events.result(P + "model", P + "lower", 50).lowerIsBetter().json()));
    }

    private static void assertProblem(String url, int status, String detailPart) {
        given().urlEncodingEnabled(false).get(url).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(status))
                .body("title", equalTo(status == 400 ? "Bad Request" : "Not Found"))
                .body("detail", containsString(detailPart))
                .body(not(containsString("Exception")))
                .body(not(containsString("at dev.")));
    }

    @Test
    void unknownBenchmarksModelsAndMetricsAre404() {
        assertProblem("/api/v1/leaderboards/" + Urls.encode(P + "nope"), 404, "No benchmark is named");
        assertProblem("/api/v1/leaderboards/" + BENCH + "?metric=pass@5", 404, "has no metric 'pass@5'");
        assertProblem("/api/v1/models/" + Urls.encode(P + "nope"), 404, "No model is named");
        assertProblem("/api/v1/models/" + Urls.encode(P + "nope") + "/history", 404, "No model is named");
        assertProblem("/api/v1/models/" + MODEL + "/history?benchmark=" + Urls.encode(P + "nope"), 404,
                "No benchmark is named");
        assertProblem("/api/v1/leaderboard?benchmark=" + BENCH + "&benchmark=" + Urls.encode(P + "nope"), 404,
                "No benchmark is named");
        assertProblem("/api/v1/pareto?benchmark=" + Urls.encode(P + "nope"), 404, "No benchmark is named");
        assertProblem("/api/v1/no-such-resource", 404, "Nothing is found");
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=1001", "limit=0", "limit=-1", "limit=abc", "limit=1e3", "offset=-1",
            "offset=x", "offset=99999999999", "minParameters=abc", "maxParameters=-5", "minParameters=1.5",
            "minParameters=10&maxParameters=9", "openness=opensource", "openness=closed&openness=Closed",
            "metric=PASS@1", "q=%01", "sort=score", "sort=CIRANK" })
    void malformedOrOutOfRangeLeaderboardParametersAre400(String query) {
        assertProblem("/api/v1/leaderboards/" + BENCH + "?" + query, 400, "'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "x=weight", "x=", "metric=%20", "minParameters=2&maxParameters=1", "benchmark=",
            "dominatedLimit=10001", "dominatedLimit=-1", "dominatedOffset=x", "model=%01" })
    void malformedParetoParametersAre400(String query) {
        String url = "/api/v1/pareto?" + query + (query.startsWith("benchmark") ? "" : "&benchmark=" + BENCH);
        if (query.equals("x=")) {
            // An empty x means the default axis.
            given().urlEncodingEnabled(false).get(url).then().statusCode(200).body("x", equalTo("parameters"));
        } else {
            assertProblem(url, 400, "'");
        }
    }

    @Test
    void unknownAggregatesSortsAndCoverageOutOfRangeAre400ListingWhatIsAllowed() {
        String table = "/api/v1/leaderboard?benchmark=" + BENCH;
        assertProblem(table + "&aggregate=median", 400, "'aggregate' must be one of mean, normalized, winrate");
        assertProblem(table + "&sort=score", 400, "'sort' must be one of rank, ciRank");
        assertProblem(table + "&minBenchmarks=0", 400, "'minBenchmarks' must be a whole number from 1 to 1");
        assertProblem(table + "&minBenchmarks=2", 400, "'minBenchmarks' must be a whole number from 1 to 1");
        assertProblem(table + "&minBenchmarks=x", 400, "'minBenchmarks'");
        assertProblem("/api/v1/leaderboards/" + BENCH + "?sort=best", 400, "'sort' must be one of rank, ciRank");
        assertProblem("/api/v1/leaderboard?aggregate=normalized&benchmark=" + LOWER, 400,
                "aggregate=normalized rescales percentages where higher is better");
    }

    @Test
    void missingOrUncombinableBenchmarksAre400() {
        assertProblem("/api/v1/leaderboard", 400, "'benchmark' is required");
        assertProblem("/api/v1/pareto", 400, "'benchmark' is required");
        assertProblem("/api/v1/leaderboard?benchmark=" + BENCH + "&benchmark=" + LOWER, 400,
                "do not agree on whether higher is better");
        StringBuilder many = new StringBuilder("/api/v1/leaderboard?benchmark=b0");
        for (int i = 1; i <= 20; i++) {
            many.append("&benchmark=b").append(i);
        }
        assertProblem(many.toString(), 400, "At most 20 benchmarks");
    }

    @Test
    void overlongAndControlCharacterNamesAre400() {
        assertProblem("/api/v1/models/" + "m".repeat(201), 400, "at most 200 characters");
        assertProblem("/api/v1/leaderboards/a%00b", 400, "control characters");
        assertProblem("/api/v1/models?q=" + "q".repeat(201), 400, "at most 200 characters");
        assertProblem("/api/v1/models?limit=5000", 400, "'limit'");
        assertProblem("/api/v1/models/" + MODEL + "/history?offset=-3", 400, "'offset'");
    }

    @Test
    void anUnsupportedMediaTypeOrMethodIsAProblemToo() {
        given().accept("image/png").get("/api/v1/benchmarks").then().statusCode(406)
                .contentType("application/problem+json").body("status", equalTo(406));
        given().header("Accept", "not a media type").get("/api/v1/leaderboards/" + BENCH).then()
                .statusCode(oneOf(400, 406)).contentType("application/problem+json");
        given().delete("/api/v1/benchmarks").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void aMalformedPercentEncodingIsRefusedBeforeTheApplication() throws IOException {
        // HTTP clients refuse to send these, so they go over a raw socket. The server rejects them while
        // decoding, before any resource runs, with a bare 400: never a 500.
        assertTrue(rawStatusLine("/api/v1/models/%ZZ").startsWith("HTTP/1.1 400"));
        assertTrue(rawStatusLine("/api/v1/models?q=%ZZ").startsWith("HTTP/1.1 400"));
    }

    private String rawStatusLine(String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.lines().findFirst().orElse("");
        }
    }
}
