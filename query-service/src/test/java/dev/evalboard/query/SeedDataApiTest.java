package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference data, ingested through the real broker and ingest-service, read back over HTTP. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SeedDataApiTest {

    @BeforeAll
    static void seed() {
        IngestPath.seed();
    }

    @Test
    void aime2024IsLedByAmDistillQwen72B() {
        given().urlEncodingEnabled(false)
                .get("/api/v1/leaderboards/" + Urls.encode("AIME 2024"))
                .then().statusCode(200).contentType("application/json")
                .body("benchmark", equalTo("AIME 2024"))
                .body("metric", equalTo("pass@1"))
                .body("higherIsBetter", equalTo(true))
                .body("entries[0].rank", equalTo(1))
                .body("entries[0].model", equalTo("AM-Distill-Qwen-72B"))
                .body("entries[0].score", equalTo(76.5f))
                .body("entries[0].parameters", equalTo(72000000000L))
                .body("entries[0].openness", equalTo("open-weights"))
                .body("entries[0].evaluatedAt", equalTo("2025-05-01T00:00:00Z"))
                .body("entries[1].model", equalTo("AM-Distill-Qwen-32B"))
                .body("entries[1].rank", equalTo(2));
    }

    @Test
    void theFourBenchmarkTableRanksAmDistillQwen72BFirst() {
        given().queryParam("benchmark", "AIME 2024", "MATH-500", "GPQA Diamond", "LiveCodeBench")
                .get("/api/v1/leaderboard")
                .then().statusCode(200)
                .body("benchmarks", contains("AIME 2024", "MATH-500", "GPQA Diamond", "LiveCodeBench"))
                .body("rows[0].rank", equalTo(1))
                .body("rows[0].model", equalTo("AM-Distill-Qwen-72B"))
                .body("rows[0].mean", equalTo((float) ((76.5 + 97.0 + 65.9 + 59.7) / 4)))
                .body("rows[0].scores.'MATH-500'", equalTo(97.0f))
                .body("rows[0].missing.size()", equalTo(0))
                .body("rows[1].model", equalTo("AM-Distill-Qwen-32B"))
                .body("rows[1].rank", equalTo(2));
    }

    @Test
    void theLiveCodeBenchV5FrontierOverParametersIsMistral3BThenDasd4B() {
        given().queryParam("benchmark", "LiveCodeBench v5").queryParam("x", "parameters")
                .queryParam("dominatedLimit", 100)
                .get("/api/v1/pareto")
                .then().statusCode(200)
                .body("x", equalTo("parameters"))
                .body("y", equalTo("score"))
                .body("frontier.model", contains("Mistral3-3B", "DASD-4B-Thinking"))
                .body("frontier[0].x", equalTo(3000000000L))
                .body("frontier[0].y", equalTo(55.0f))
                .body("frontier[0].openness", equalTo("open-weights"))
                .body("frontier[1].openness", equalTo("open-weights-open-data"))
                .body("frontier[1].parameters", equalTo(4000000000L))
                .body("dominated.model", hasItem("Nvidia-Nemotron-Ultra-253B"))
                .body("dominated.size()", greaterThanOrEqualTo(10))
                .body("excluded", equalTo(0));
    }

    @Test
    void benchmarksListTheirMetricsAndModelCounts() {
        given().get("/api/v1/benchmarks")
                .then().statusCode(200)
                .body("benchmarks.find { it.name == 'LiveCodeBench v5' }.modelCount", greaterThanOrEqualTo(12))
                .body("benchmarks.find { it.name == 'LiveCodeBench v5' }.metrics[0].metric", equalTo("pass@1"))
                .body("benchmarks.find { it.name == 'LiveCodeBench v5' }.metrics[0].higherIsBetter", equalTo(true))
                .body("benchmarks.find { it.name == 'LiveCodeBench v5' }.metrics[0].unit", equalTo("percent"))
                .body("benchmarks.find { it.name == 'AIME 2024' }.lastUpdate", not(equalTo(null)));
    }

    @Test
    void aModelPageShowsItsCurrentResultsAndHistory() {
        given().get("/api/v1/models/AM-Distill-Qwen-72B")
                .then().statusCode(200)
                .body("name", equalTo("AM-Distill-Qwen-72B"))
                .body("organization", equalTo("a-m-team"))
                .body("results.benchmark", contains("AIME 2024", "GPQA Diamond", "LiveCodeBench", "MATH-500"))
                .body("results[0].score", equalTo(76.5f));
        given().queryParam("benchmark", "AIME 2024")
                .get("/api/v1/models/AM-Distill-Qwen-72B/history")
                .then().statusCode(200)
                .body("model", equalTo("AM-Distill-Qwen-72B"))
                .body("runs.eventId", contains("4f5a4455-20a8-5ce8-a699-ebeff3d24889"))
                .body("runs[0].current", equalTo(true));
    }
}
