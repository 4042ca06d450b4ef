package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The bounded Pareto answer against a brute-force split of random points with ties: the frontier in full, the
 * dominated points only when asked, best score first, page by page, and named models wherever they are.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ParetoPagesTest {
    private static final String P = Events.uniquePrefix();
    private static final String BENCH = P + "Pages";
    private static final List<Point> POINTS = new ArrayList<>();

    private record Point(String model, long parameters, double score) {
        boolean dominatedBy(Point o) {
            return o.parameters <= parameters && o.score >= score && (o.parameters < parameters || o.score > score);
        }
    }

    @BeforeAll
    static void publish() {
        Random random = new Random(11);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Few sizes and scores, so that equal points and ties on either axis are common.
            Point p = new Point(P + String.format("m%02d", i), (1 + random.nextInt(6)) * 1_000_000_000L,
                    10 * random.nextInt(8));
            POINTS.add(p);
            events.add(Events.result(p.model, BENCH, p.score).parameters(p.parameters).json());
        }
        IngestPath.publish(events);
    }

    private static JsonPath pareto(String query) {
        return given().urlEncodingEnabled(false).get("/api/v1/pareto?benchmark=" + Urls.encode(BENCH) + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void byDefaultTheAnswerHoldsTheFrontierAndOnlyCountsTheDominated() {
        JsonPath answer = pareto("");
        List<Point> dominated = bruteForceDominated();
        assertEquals(bruteForceFrontier(), new ArrayList<>(answer.getList("frontier.model")).stream().sorted().toList());
        assertEquals(List.of(), answer.getList("dominated"));
        assertEquals(dominated.size(), answer.getInt("dominatedTotal"));
    }

    @Test
    void pagesOfDominatedPointsConcatenateToAllOfThemBestFirst() {
        List<String> expected = bruteForceDominated().stream().map(Point::model).toList();
        assertTrue(expected.size() > 20, "the random data must have enough dominated points: " + expected.size());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size() + 7; offset += 7) {
            JsonPath page = pareto("&dominatedLimit=7&dominatedOffset=" + offset);
            assertEquals(offset, page.getInt("dominatedOffset"));
            paged.addAll(page.getList("dominated.model"));
        }
        assertEquals(expected, paged);
    }

    @Test
    void namedModelsComeBackWhereverTheyAre() {
        Point worst = bruteForceDominated().get(bruteForceDominated().size() - 1);
        String onFrontier = bruteForceFrontier().get(0);
        JsonPath answer = pareto("&model=" + Urls.encode(worst.model) + "&model=" + Urls.encode(onFrontier)
                + "&model=" + Urls.encode(P + "absent"));
        assertEquals(List.of(onFrontier, worst.model).stream().sorted().toList(), answer.getList("requested.model"));
        assertEquals(List.of(), answer.getList("dominated"));
    }

    private static List<String> bruteForceFrontier() {
        return POINTS.stream().filter(p -> POINTS.stream().noneMatch(p::dominatedBy)).map(Point::model).sorted()
                .toList();
    }

    /** Best score first, then fewer parameters, then name. */
    private static List<Point> bruteForceDominated() {
        return POINTS.stream().filter(p -> POINTS.stream().anyMatch(p::dominatedBy))
                .sorted(Comparator.comparingDouble((Point p) -> -p.score).thenComparingLong(Point::parameters)
                        .thenComparing(Point::model))
                .toList();
    }
}
