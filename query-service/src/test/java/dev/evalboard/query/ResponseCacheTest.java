package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import dev.evalboard.query.cache.ChangeFeed;
import dev.evalboard.query.cache.ResponseCache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The response cache drops the boards a change of the feed names and never serves a board older than a change that
 * was handled. The test profile's TTL is 10 minutes, so only invalidation can refresh an entry here.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResponseCacheTest {
    @Inject
    ResponseCache cache;

    @Inject
    ChangeFeed feed;

    private static String leaderboard(String benchmark) {
        return "/api/v1/leaderboards/" + Urls.encode(benchmark);
    }

    private static Response get(String path) {
        return given().urlEncodingEnabled(false).get(path);
    }

    private void awaitLive() {
        await().atMost(Duration.ofSeconds(30)).until(cache::isLive);
    }

    @Test
    void aResultIngestedAfterABoardWasCachedIsServedOnTheNextRequest() {
        String p = Events.uniquePrefix();
        String bench = p + "Cached";
        IngestPath.publish(List.of(Events.result(p + "first", bench, 50).json()));
        awaitLive();

        Response before = get(leaderboard(bench));
        before.then().statusCode(200).body("entries.model", contains(p + "first"));
        double hits = cache.hitCount();
        Response again = get(leaderboard(bench));
        again.then().statusCode(200).body("entries.model", contains(p + "first"));
        assertEquals(hits + 1, cache.hitCount(), "the second request is served from the cache");
        assertEquals(before.header("ETag"), again.header("ETag"));
        given().urlEncodingEnabled(false).header("If-None-Match", before.header("ETag")).get(leaderboard(bench))
                .then().statusCode(304);

        // Through Kafka and the real ingest-service, which announces the batch on the change feed.
        IngestPath.publish(List.of(Events.result(p + "second", bench, 60).json()));

        Response after = get(leaderboard(bench));
        after.then().statusCode(200).body("total", equalTo(2))
                .body("entries.model", contains(p + "second", p + "first"));
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        given().urlEncodingEnabled(false).header("If-None-Match", before.header("ETag")).get(leaderboard(bench))
                .then().statusCode(200);
        // The CSV representation is a separate entry, and fresh too.
        given().urlEncodingEnabled(false).accept("text/csv").get(leaderboard(bench)).then().statusCode(200)
                .body(startsWith("rank,"));
        given().urlEncodingEnabled(false).get("/api/v1/pareto?benchmark=" + Urls.encode(bench)).then()
                .statusCode(200);
    }

    @Test
    void aChangeDropsTheBoardsItNamesAndKeepsTheOthers() throws SQLException {
        String p = Events.uniquePrefix();
        String named = p + "Named";
        String other = p + "Other";
        IngestPath.publish(List.of(Events.result(p + "a", named, 50).json(), Events.result(p + "b", other, 50).json()));
        awaitLive();

        get(leaderboard(named)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));
        get(leaderboard(other)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));
        // A change that is not announced stays invisible: the boards are served from the cache.
        setScore(p + "a", named, 75);
        setScore(p + "b", other, 75);
        get(leaderboard(named)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));

        long offset = IngestPath.announce(ResultChange.of(currentWalPosition(), List.of(
                new ResultChange.Benchmark(named, "pass@1")), List.of(p + "a")));
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.handledOffset() >= offset);
        get(leaderboard(named)).then().statusCode(200).body("entries[0].score", equalTo(75.0f));
        get(leaderboard(other)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));
    }

    private static String currentWalPosition() throws SQLException {
        try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                "SELECT pg_current_wal_flush_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Changes a stored score without announcing it, which ingest never does: only to show what the cache holds. */
    private static void setScore(String model, String benchmark, double score) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                UPDATE current_result SET score = ?
                WHERE model_id = (SELECT id FROM model WHERE name = ?)
                  AND benchmark_id = (SELECT id FROM benchmark WHERE name = ? AND metric = 'pass@1')""")) {
            s.setDouble(1, score);
            s.setString(2, model);
            s.setString(3, benchmark);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static Connection connect() throws SQLException {
        PostgresTestResource.Database db = PostgresTestResource.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
