package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.contract.rank.ConfidenceRanks;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leaderboard pages (both sorts, with and without a filter, both directions, with and without partial runs) against
 * a brute-force ranking of the published results: many equal scores, equal and touching intervals, results without a
 * standard error, a quarter of them partial.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConfidenceRankPagesTest {
    private static final String P = Events.uniquePrefix();
    private static final String HIGHER = P + "higher";
    private static final String LOWER = P + "lower";
    private static final List<Result> RESULTS = new ArrayList<>();

    record Result(String model, double score, Double stderr, String openness, boolean partial) {
        double low() {
            return ConfidenceRanks.low(score, stderr);
        }

        double high() {
            return ConfidenceRanks.high(score, stderr);
        }
    }

    @BeforeAll
    static void publish() {
        Random random = new Random(1129L);
        List<String> events = new ArrayList<>();
        String[] openness = { "closed", "open-weights", "open-weights-open-data" };
        Double[] stderrs = { null, 0.0, 1.25, 2.5, 5.0 };
        for (int i = 0; i < 40; i++) {
            Result result = new Result(P + "m" + (char) ('a' + i % 26) + i, 50 + 5 * random.nextInt(5),
                    stderrs[random.nextInt(stderrs.length)], openness[random.nextInt(openness.length)],
                    random.nextInt(4) == 0);
            RESULTS.add(result);
            for (String board : List.of(HIGHER, LOWER)) {
                Events event = Events.result(result.model(), board, result.score()).openness(result.openness());
                if (result.stderr() != null) {
                    event.stderr(result.stderr());
                }
                if (result.partial()) {
                    event.samples(10, 100);
                } else if (random.nextBoolean()) {
                    event.samples(100, 100);
                }
                events.add((board.equals(LOWER) ? event.metric("ms").lowerIsBetter() : event).json());
            }
        }
        IngestPath.publish(events);
    }

    @Test
    void everyPageMatchesTheBruteForceRanking() {
        for (boolean higher : List.of(true, false)) {
            for (String sort : List.of("rank", "ciRank")) {
                for (String openness : new String[] { null, "closed" }) {
                    for (boolean includePartial : List.of(false, true)) {
                        for (int limit : List.of(1, 3, 7, 50)) {
                            for (int offset : List.of(0, 2, 5, 13, 39)) {
                                checkPage(higher, sort, openness, includePartial, limit, offset);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void checkPage(boolean higher, String sort, String openness, boolean includePartial, int limit,
            int offset) {
        String url = "/api/v1/leaderboards/" + Urls.encode(higher ? HIGHER : LOWER) + "?metric="
                + (higher ? "pass@1" : "ms") + "&sort=" + sort + "&limit=" + limit + "&offset=" + offset
                + (openness == null ? "" : "&openness=" + openness) + (includePartial ? "&includePartial=true" : "");
        JsonPath page = given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().jsonPath();

        List<Result> board = RESULTS.stream().filter(r -> openness == null || r.openness().equals(openness))
                .filter(r -> includePartial || !r.partial()).toList();
        Comparator<Result> byScore = Comparator.comparingDouble(r -> higher ? -r.score() : r.score());
        Comparator<Result> order = sort.equals("rank") ? byScore
                : Comparator.<Result>comparingDouble(r -> higher ? -r.high() : r.low()).thenComparing(byScore);
        List<Result> expected = board.stream().sorted(order.thenComparing(Result::model)).skip(offset).limit(limit)
                .toList();
        List<Integer> ranks = new ArrayList<>();
        List<Integer> ciRanks = new ArrayList<>();
        for (Result r : expected) {
            ranks.add(1 + (int) board.stream().filter(o -> higher ? o.score() > r.score() : o.score() < r.score())
                    .count());
            ciRanks.add(1 + (int) board.stream().filter(o -> higher ? o.low() > r.high() : o.high() < r.low())
                    .count());
        }
        assertEquals(board.size(), page.getInt("total"), url);
        assertEquals(expected.stream().map(Result::model).toList(), page.getList("entries.model"), url);
        assertEquals(ranks, page.getList("entries.rank"), url);
        assertEquals(ciRanks, page.getList("entries.ciRank"), url);
        assertEquals(expected.stream().map(Result::partial).toList(), page.getList("entries.partial"), url);
    }
}
