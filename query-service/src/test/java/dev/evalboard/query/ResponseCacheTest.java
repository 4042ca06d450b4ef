package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import dev.evalboard.query.cache.ChangeListener;
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
 * The response cache is cleared by ingest's NOTIFY and never serves a board older than a change whose
 * notification was handled. The test profile's TTL is 10 minutes, so only invalidation can refresh an entry here.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ResponseCacheTest {
    @Inject
    ResponseCache cache;

    @Inject
    ChangeListener listener;

    private static String leaderboard(String benchmark) {
        return "/api/v1/leaderboards/" + Urls.encode(benchmark);
    }

    private static Response get(String path) {
        return given().urlEncodingEnabled(false).get(path);
    }

    private void awaitListening() {
        await().atMost(Duration.ofSeconds(30)).until(cache::isListening);
    }

    @Test
    void aResultIngestedAfterABoardWasCachedIsServedOnTheNextRequest() {
        String p = Events.uniquePrefix();
        String bench = p + "Cached";
        IngestPath.publish(List.of(Events.result(p + "first", bench, 50).json()));
        awaitListening();

        Response before = get(leaderboard(bench));
        before.then().statusCode(200).body("entries.model", contains(p + "first"));
        double hits = cache.hitCount();
        Response again = get(leaderboard(bench));
        again.then().statusCode(200).body("entries.model", contains(p + "first"));
        assertEquals(hits + 1, cache.hitCount(), "the second request is served from the cache");
        assertEquals(before.header("ETag"), again.header("ETag"));
        given().urlEncodingEnabled(false).header("If-None-Match", before.header("ETag")).get(leaderboard(bench))
                .then().statusCode(304);

        // Through Kafka and the real ingest-service, whose batch transaction sends the NOTIFY.
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
    void aNotificationClearsTheCache() throws SQLException {
        String p = Events.uniquePrefix();
        String bench = p + "Notified";
        IngestPath.publish(List.of(Events.result(p + "only", bench, 50).json()));
        awaitListening();

        get(leaderboard(bench)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));
        assertTrue(cache.size() > 0);

        // A change that announces nothing stays invisible: the board is served from the cache.
        setScore(p + "only", bench, 75);
        get(leaderboard(bench)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));

        double invalidations = cache.invalidationCount();
        IngestPath.notifyChanged("");
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.invalidationCount() > invalidations);
        assertEquals(0, cache.size());
        get(leaderboard(bench)).then().statusCode(200).body("entries[0].score", equalTo(75.0f));
    }

    @Test
    void losingTheListenerConnectionEmptiesTheCacheUntilItListensAgain() throws SQLException {
        String p = Events.uniquePrefix();
        String bench = p + "Reconnect";
        IngestPath.publish(List.of(Events.result(p + "only", bench, 50).json()));
        awaitListening();

        get(leaderboard(bench)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));
        setScore(p + "only", bench, 80);
        get(leaderboard(bench)).then().statusCode(200).body("entries[0].score", equalTo(50.0f));

        long listens = listener.listens();
        assertTrue(terminateListenerBackend() >= 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.listens() > listens && cache.isListening());
        // Notifications sent while it was away would have been lost: it starts again from empty.
        get(leaderboard(bench)).then().statusCode(200).body("entries[0].score", equalTo(80.0f));
    }

    /** Changes a stored score without a NOTIFY, which ingest never does: only to show what the cache holds. */
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

    private static int terminateListenerBackend() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, ChangeListener.APPLICATION_NAME);
            int terminated = 0;
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    terminated += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        }
    }

    private static Connection connect() throws SQLException {
        PostgresTestResource.Database db = PostgresTestResource.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
