package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.evalboard.contract.ModerationRecord;
import dev.evalboard.contract.ParseResult;
import dev.evalboard.contract.ResultEventParser;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import dev.evalboard.ingest.repository.ModerationStore;
import dev.evalboard.ingest.repository.ResultStore;
import dev.evalboard.ingest.service.IncomingResult;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Retraction order independence: any order of the same results and retractions, in batches of any size, gives the
 * same current results, equal to a brute-force computation (per model and benchmark, the latest run not retracted,
 * ties by the larger eventId), and the boards' kept counts agree with them. Against the real database.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetractionOrderTest {
    private static final AtomicLong OFFSETS = new AtomicLong();
    private static final int TEST_PARTITION = 9_999;

    @Inject
    ResultStore results;
    @Inject
    ModerationStore moderation;

    private final ResultEventParser parser = new ResultEventParser();

    /** A run of the random data: model index, benchmark, evaluatedAt (few distinct values: ties), eventId. */
    private record Run(int model, String benchmark, Instant evaluatedAt, String eventId, double score) {
    }

    /** One step of an interleaving: a run published, or an eventId retracted. */
    private record Step(Run run, String retracted) {
    }

    @Test
    void anyOrderOfTheSameResultsAndRetractionsGivesTheSameState() throws Exception {
        Random random = new Random(20261130L);
        for (int trial = 0; trial < 6; trial++) {
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < 12 + random.nextInt(12); i++) {
                runs.add(new Run(random.nextInt(3), random.nextBoolean() ? "A" : "B",
                        Instant.parse("2025-01-0" + (1 + random.nextInt(3)) + "T00:00:00Z"),
                        "e" + random.nextInt(1000) + "-" + i, random.nextInt(100)));
            }
            List<String> retracted = new ArrayList<>();
            for (Run run : runs) {
                if (random.nextInt(3) == 0) {
                    retracted.add(run.eventId());
                }
            }
            retracted.add("never-published-" + trial);
            Map<String, String> expected = bruteForce(runs, new HashSet<>(retracted));
            for (int order = 0; order < 4; order++) {
                List<Step> steps = new ArrayList<>();
                runs.forEach(run -> steps.add(new Step(run, null)));
                retracted.forEach(eventId -> steps.add(new Step(null, eventId)));
                Collections.shuffle(steps, random);
                String space = "ro" + UUID.randomUUID().toString().substring(0, 8) + "-";
                apply(space, steps, random);
                assertEquals(expected, stored(space), "trial " + trial + ", order " + order + ": " + steps);
                assertCountsAgree(space);
            }
        }
    }

    /** Applies the steps in order, publishing consecutive runs in batches of random size. */
    private void apply(String space, List<Step> steps, Random random) throws Exception {
        List<IncomingResult> batch = new ArrayList<>();
        int batchSize = 1 + random.nextInt(4);
        for (Step step : steps) {
            if (step.run() != null) {
                batch.add(incoming(space, step.run()));
                if (batch.size() >= batchSize) {
                    results.store(batch);
                    batch = new ArrayList<>();
                }
            } else {
                results.store(batch);
                batch = new ArrayList<>();
                moderation.apply(new ModerationRecord.Retract(space + step.retracted(), "test"), TEST_PARTITION,
                        OFFSETS.incrementAndGet());
            }
        }
        results.store(batch);
    }

    private IncomingResult incoming(String space, Run run) {
        String json = EventJson.event(space + run.eventId(), space + "m" + run.model(), space + run.benchmark(),
                run.score(), run.evaluatedAt().toString()).toString();
        ParseResult parsed = parser.parse(json.getBytes(StandardCharsets.UTF_8), Instant.now());
        return new IncomingResult(((ParseResult.Accepted) parsed).event(), TEST_PARTITION, OFFSETS.incrementAndGet());
    }

    /** "m{model}/{benchmark}" -> the eventId of the current result, computed the slow, obvious way. */
    private static Map<String, String> bruteForce(List<Run> runs, Set<String> retracted) {
        Map<String, Run> current = new TreeMap<>();
        Comparator<Run> later = Comparator.comparing(Run::evaluatedAt).thenComparing(Run::eventId);
        for (Run run : runs) {
            if (retracted.contains(run.eventId())) {
                continue;
            }
            current.merge("m" + run.model() + "/" + run.benchmark(), run,
                    (a, b) -> later.compare(a, b) >= 0 ? a : b);
        }
        Map<String, String> eventIds = new TreeMap<>();
        current.forEach((pair, run) -> eventIds.put(pair, run.eventId()));
        return eventIds;
    }

    private static Map<String, String> stored(String space) {
        Map<String, String> current = new TreeMap<>();
        for (List<String> row : rows("SELECT m.name, b.name, c.event_id FROM current_result c"
                + " JOIN model m ON m.id = c.model_id JOIN benchmark b ON b.id = c.benchmark_id"
                + " WHERE starts_with(m.name, ?)", space)) {
            current.put(row.get(0).substring(space.length()) + "/" + row.get(1).substring(space.length()),
                    row.get(2).substring(space.length()));
        }
        return current;
    }

    private static void assertCountsAgree(String space) {
        assertEquals(rows("SELECT b.name, count(*)::text, max(c.evaluated_at)::text FROM current_result c"
                        + " JOIN benchmark b ON b.id = c.benchmark_id WHERE starts_with(b.name, ?)"
                        + " GROUP BY b.name ORDER BY b.name", space),
                rows("SELECT b.name, sum(n.results)::text, max(n.last_update)::text FROM current_result_count n"
                        + " JOIN benchmark b ON b.id = n.benchmark_id WHERE starts_with(b.name, ?)"
                        + " GROUP BY b.name HAVING sum(n.results) > 0 ORDER BY b.name", space),
                "the kept counts and latest evaluatedAt of each board");
    }
}
