package dev.evalboard.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/benchmarks/{benchmark}/progress} against a brute-force running best, on random histories
 * with ties in score and in time, ingested the way production ingests them.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProgressApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Run> HISTORY_ORDER = Comparator.comparing(Run::evaluatedAt)
            .thenComparing(Run::eventId);

    private record Run(String eventId, String model, double score, Instant evaluatedAt) {
    }

    private record History(String benchmark, boolean higherIsBetter, List<Run> runs) {
    }

    @Test
    void stepsAreTheRunsThatBeatEveryEarlierRunOnRandomHistories() throws IOException {
        long seed = Long.getLong("progress.seed", System.nanoTime());
        Random random = new Random(seed);
        String prefix = Events.uniquePrefix();
        List<History> histories = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int h = 0; h < 16; h++) {
            History history = randomHistory(random, prefix + "progress " + h, h % 2 == 0);
            histories.add(history);
            history.runs().forEach(run -> events.add(event(history, run)));
        }
        IngestPath.publish(events);

        for (History history : histories) {
            JsonNode answer = progress(history.benchmark(), "?runs=true");
            List<Run> expectedSteps = bruteForceSteps(history);
            List<Run> expectedOthers = history.runs().stream().filter(r -> !expectedSteps.contains(r))
                    .sorted(HISTORY_ORDER).toList();
            String context = "seed " + seed + ", " + history;
            assertEquals(history.higherIsBetter(), answer.get("higherIsBetter").asBoolean(), context);
            assertEquals(expectedSteps, runs(answer.get("steps")), context);
            assertEquals(expectedSteps.size(), answer.get("stepCount").asLong(), context);
            assertEquals(history.runs().size(), answer.get("runCount").asLong(), context);
            assertEquals(expectedOthers, runs(answer.get("runs")), context);
            assertEquals(List.of(), runs(progress(history.benchmark(), "").get("runs")), "runs only on request");
        }
    }

    @Test
    void aNewBestShowsAsANewStepAndATiedRunDoesNot() {
        String bench = Events.uniquePrefix() + "progress live";
        String first = Events.result("A", bench, 50).evaluatedAt("2025-01-01T00:00:00Z").json();
        IngestPath.publish(List.of(first));
        given().urlEncodingEnabled(false).get(url(bench, "")).then().statusCode(200)
                .header("Cache-Control", "public, no-cache").header("Evalboard-Changes-Seen", matchesPattern("-?[0-9]+"))
                .body("steps.model", contains("A"));
        IngestPath.publish(List.of(Events.result("B", bench, 50).evaluatedAt("2025-02-01T00:00:00Z").json(),
                Events.result("C", bench, 61.5).evaluatedAt("2025-03-01T00:00:00Z").json()));
        given().urlEncodingEnabled(false).get(url(bench, "")).then().statusCode(200)
                .body("steps.model", contains("A", "C"))
                .body("steps[1].score", equalTo(61.5f))
                .body("steps[1].evaluatedAt", equalTo("2025-03-01T00:00:00Z"))
                .body("runCount", equalTo(3));
        given().urlEncodingEnabled(false).accept("text/csv").get(url(bench, "")).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment"))
                .body(startsWith("kind,model,score,evaluatedAt,eventId\r\nstep,A,50,2025-01-01T00:00:00Z,"));
    }

    @Test
    void badParametersAre400AndUnknownBenchmarksAre404() {
        String bench = Events.uniquePrefix() + "progress nowhere";
        given().urlEncodingEnabled(false).get(url(bench, "")).then().statusCode(404)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).get(url(bench, "?runs=yes")).then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("'runs' must be true or false."));
        given().urlEncodingEnabled(false).get(url(bench, "?metric=Pass%401")).then().statusCode(400);
        given().urlEncodingEnabled(false).get(url("x".repeat(201), "")).then().statusCode(400);
    }

    /** A run is a step when no earlier run (by evaluatedAt, then eventId) is as good or better: O(n²) on purpose. */
    private static List<Run> bruteForceSteps(History history) {
        List<Run> ordered = history.runs().stream().sorted(HISTORY_ORDER).toList();
        List<Run> steps = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Run run = ordered.get(i);
            boolean beaten = false;
            for (int j = 0; j < i; j++) {
                double earlier = ordered.get(j).score();
                beaten |= history.higherIsBetter() ? earlier >= run.score() : earlier <= run.score();
            }
            if (!beaten) {
                steps.add(run);
            }
        }
        return steps;
    }

    /** Few distinct scores and instants, so that ties in both are common; eventIds decide equal instants. */
    private static History randomHistory(Random random, String benchmark, boolean higherIsBetter) {
        List<Run> runs = new ArrayList<>();
        int size = 1 + random.nextInt(30);
        for (int i = 0; i < size; i++) {
            runs.add(new Run(new UUID(random.nextLong(), random.nextLong()).toString(), "m" + random.nextInt(5),
                    10 * random.nextInt(6) + (random.nextBoolean() ? 0.5 : 0),
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(6))));
        }
        return new History(benchmark, higherIsBetter, runs);
    }

    private static String event(History history, Run run) {
        Events event = Events.result(history.benchmark() + " " + run.model(), history.benchmark(), run.score())
                .evaluatedAt(run.evaluatedAt().toString());
        return (history.higherIsBetter() ? event : event.lowerIsBetter()).eventId(run.eventId()).json();
    }

    private static List<Run> runs(JsonNode array) {
        List<Run> runs = new ArrayList<>();
        for (JsonNode r : array) {
            String model = r.get("model").asText();
            runs.add(new Run(r.get("eventId").asText(), model.substring(model.lastIndexOf(' ') + 1),
                    r.get("score").asDouble(), Instant.parse(r.get("evaluatedAt").asText())));
        }
        return runs;
    }

    private static JsonNode progress(String benchmark, String query) throws IOException {
        return JSON.readTree(given().urlEncodingEnabled(false).get(url(benchmark, query)).then().statusCode(200)
                .extract().asString());
    }

    private static String url(String benchmark, String query) {
        return "/api/v1/benchmarks/" + Urls.encode(benchmark) + "/progress" + query;
    }
}
