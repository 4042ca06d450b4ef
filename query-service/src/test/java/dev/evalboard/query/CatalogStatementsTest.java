package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog reads go through Hibernate ORM in a fixed number of SQL statements, however many benchmarks and runs
 * a model has: each run's benchmark comes with the run (no statement per benchmark, no N+1), and a page of models
 * counts their results in the statement that reads them.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CatalogStatementsTest {
    private static final String P = Events.uniquePrefix();
    private static final String MODEL = P + "model";
    private static final int BENCHMARKS = 6;

    @Inject
    SessionFactory sessionFactory;

    @BeforeAll
    static void publish() {
        List<String> events = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS; b++) {
            for (int run = 0; run < 2; run++) {
                events.add(Events.result(MODEL, P + "bench " + b, 10 + run).evaluatedAt("2025-06-0" + (run + 1)
                        + "T00:00:00Z").json());
            }
            events.add(Events.result(P + "other " + b, P + "bench " + b, 50).json());
        }
        IngestPath.publish(events);
    }

    private static Response get(String path) {
        return given().urlEncodingEnabled(false).get(path);
    }

    @Test
    void aModelPageIsTwoStatements() {
        assertStatements(2, () -> get("/api/v1/models/" + Urls.encode(MODEL)).then().statusCode(200)
                .body("results", hasSize(BENCHMARKS))
                .body("results[0].benchmark", equalTo(P + "bench 0")));
    }

    @Test
    void aModelHistoryIsTwoStatements() {
        assertStatements(2, () -> get("/api/v1/models/" + Urls.encode(MODEL) + "/history?limit=1000")
                .then().statusCode(200).body("runs", hasSize(2 * BENCHMARKS)).body("runs.findAll { it.current }",
                        hasSize(BENCHMARKS)));
    }

    @Test
    void aPageOfModelsIsTwoStatements() {
        assertStatements(2, () -> get("/api/v1/models?q=" + Urls.encode(P)).then().statusCode(200)
                .body("total", equalTo(BENCHMARKS + 1)).body("models", hasSize(BENCHMARKS + 1))
                .body("models.find { it.name == '" + MODEL + "' }.resultCount", equalTo(BENCHMARKS)));
    }

    private void assertStatements(long expected, Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        request.run(); // the first call of a query may differ (plan cache); count a steady one
        statistics.clear();
        request.run();
        assertEquals(expected, statistics.getPrepareStatementCount(), "SQL statements of one request");
    }
}
