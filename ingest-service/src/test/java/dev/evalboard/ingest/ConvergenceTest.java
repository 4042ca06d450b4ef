package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.rows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Redelivery, late arrivals and any arrival order converge to the same stored state. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConvergenceTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anEventDeliveredThreeTimesIsStoredOnce() {
        String model = "triple-" + run;
        String json = EventJson.event("triple-" + run, model, "B", 50, "2025-01-01T00:00:00Z").toString();
        IngestTestSupport.publish(List.of(json, json, json));
        String marker = EventJson.event("after-triple-" + run, model, "B2", 1, null).toString();
        IngestTestSupport.publish(List.of(marker));
        awaitStored("after-triple-" + run);
        assertEquals(1, count("SELECT count(*) FROM result r JOIN model m ON m.id = r.model_id WHERE m.name = ?"
                + " AND r.event_id = ?", model, "triple-" + run));
    }

    @Test
    void aRepublishedEventIdWithOtherContentChangesNothing() {
        String model = "republished-" + run;
        String eventId = "rep-" + run;
        ObjectNode first = EventJson.event(eventId, model, "B", 40, "2025-01-01T00:00:00Z");
        first.with("model").put("parameters", 7_000_000_000L);
        ObjectNode copyInTheSameBatch = EventJson.event(eventId, model, "B", 90, "2025-06-01T00:00:00Z");
        copyInTheSameBatch.with("model").put("parameters", 9_000_000_000L);
        // One key, so one partition: the copy read first is the one published first.
        IngestTestSupport.publishBytes(List.of(bytes(first), bytes(copyInTheSameBatch)));
        awaitStored(eventId);
        ObjectNode copyLater = EventJson.event(eventId, model, "B", 95, "2025-09-01T00:00:00Z");
        copyLater.with("model").put("parameters", 11_000_000_000L).put("openness", "closed");
        ObjectNode marker = EventJson.event("after-rep-" + run, model, "B2", 1, "2024-01-01T00:00:00Z");
        IngestTestSupport.publishBytes(List.of(bytes(copyLater), bytes(marker)));
        awaitStored("after-rep-" + run);

        assertEquals(List.of(List.of("40")), rows("SELECT score::numeric::text FROM result WHERE event_id = ?",
                eventId), "the history keeps the first copy");
        assertEquals(List.of(List.of("40", eventId)), rows("SELECT c.score::numeric::text, c.event_id"
                + " FROM current_result c JOIN model m ON m.id = c.model_id JOIN benchmark b ON b.id = c.benchmark_id"
                + " WHERE m.name = ? AND b.name = 'B'", model));
        assertEquals(List.of(List.of("7000000000", "-")), rows("SELECT parameters, coalesce(openness, '-') FROM model"
                + " WHERE name = ?", model), "attributes only from the copy that was kept");
    }

    private static byte[] bytes(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOlderRunArrivingLateLeavesTheNewerOneCurrent() {
        String model = "late-" + run;
        ObjectNode newer = EventJson.event("newer-" + run, model, "B", 80, "2025-06-01T00:00:00Z");
        newer.with("model").put("parameters", 8_000_000_000L);
        ObjectNode older = EventJson.event("older-" + run, model, "B", 60, "2025-01-01T00:00:00Z");
        older.with("model").put("parameters", 7_000_000_000L).put("openness", "closed");
        IngestTestSupport.publish(List.of(newer.toString()));
        awaitStored("newer-" + run);
        IngestTestSupport.publish(List.of(older.toString()));
        awaitStored("older-" + run);

        assertEquals(List.of(List.of("80", "newer-" + run)), rows("SELECT c.score::numeric::text, c.event_id FROM current_result c"
                + " JOIN model m ON m.id = c.model_id WHERE m.name = ?", model));
        assertEquals(2, count("SELECT count(*) FROM result r JOIN model m ON m.id = r.model_id WHERE m.name = ?",
                model), "both runs are in the history");
        assertEquals(List.of(List.of("8000000000", "closed")), rows("SELECT parameters, openness FROM model"
                + " WHERE name = ?", model), "parameters from the newest event; openness from the only one that"
                + " states it");
    }

    @Test
    void equalInstantsAreBrokenByTheLargerEventId() {
        String model = "tie-" + run;
        IngestTestSupport.publish(List.of(
                EventJson.event("tie-b-" + run, model, "B", 20, "2025-01-01T00:00:00Z").toString(),
                EventJson.event("tie-a-" + run, model, "B", 10, "2025-01-01T00:00:00Z").toString()));
        awaitStored("tie-a-" + run);
        awaitStored("tie-b-" + run);
        assertEquals(List.of(List.of("tie-b-" + run)), rows("SELECT c.event_id FROM current_result c"
                + " JOIN model m ON m.id = c.model_id WHERE m.name = ?", model));
    }

    @Test
    void aThousandEventsInRandomOrderConvergeToTheSameTablesAsInOrder() {
        List<Generated> events = generate(new Random(42), 1000);
        List<Generated> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));
        String inOrder = "ordered-" + run + "-";
        String randomOrder = "shuffled-" + run + "-";

        IngestTestSupport.publish(events.stream().map(e -> e.json(inOrder)).toList());
        IngestTestSupport.publish(shuffled.stream().map(e -> e.json(randomOrder)).toList());
        // Redeliver a tenth of them again, late.
        IngestTestSupport.publish(shuffled.subList(0, 100).stream().map(e -> e.json(randomOrder)).toList());
        await().atMost(Duration.ofSeconds(90)).until(() -> storedWithPrefix(inOrder) == 1000
                && storedWithPrefix(randomOrder) == 1000);

        List<List<String>> expected = expectedCurrent(events);
        assertEquals(expected, currentState(inOrder));
        assertEquals(expected, currentState(randomOrder));
        assertEquals(expectedParameters(events), modelParameters(inOrder));
        assertEquals(expectedParameters(events), modelParameters(randomOrder));
    }

    private record Generated(String eventId, String model, String benchmark, double score, Instant evaluatedAt,
            Long parameters) {
        String json(String prefix) {
            ObjectNode node = EventJson.event(prefix + eventId, prefix + model, benchmark, score,
                    evaluatedAt.toString());
            if (parameters != null) {
                node.with("model").put("parameters", parameters);
            }
            return node.toString();
        }
    }

    private static List<Generated> generate(Random random, int n) {
        List<Generated> events = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            // Few distinct instants, so that ties on evaluatedAt are common.
            Instant at = start.plusSeconds(3600L * random.nextInt(20));
            Long parameters = random.nextInt(3) == 0 ? null : (long) (1 + random.nextInt(100)) * 1_000_000_000L;
            events.add(new Generated(String.format("e%04d", i), "m" + random.nextInt(25), "b" + random.nextInt(6),
                    Math.round(random.nextDouble() * 1000) / 10.0, at, parameters));
        }
        events.sort(Comparator.comparing(Generated::evaluatedAt).thenComparing(Generated::eventId));
        return events;
    }

    /** The contract's definition, computed independently: the latest evaluatedAt, ties by the larger eventId. */
    private static List<List<String>> expectedCurrent(List<Generated> events) {
        Comparator<Generated> recency = Comparator.comparing(Generated::evaluatedAt).thenComparing(Generated::eventId);
        Map<String, Generated> latest = events.stream().collect(Collectors.toMap(e -> e.model() + "|" + e.benchmark(),
                e -> e, (a, b) -> recency.compare(a, b) >= 0 ? a : b, TreeMap::new));
        return latest.values().stream()
                .sorted(Comparator.comparing(Generated::model).thenComparing(Generated::benchmark))
                .map(e -> List.of(e.model(), e.benchmark(), e.eventId(), Double.toString(e.score())))
                .toList();
    }

    private static Map<String, String> expectedParameters(List<Generated> events) {
        Comparator<Generated> recency = Comparator.comparing(Generated::evaluatedAt).thenComparing(Generated::eventId);
        return events.stream().filter(e -> e.parameters() != null).collect(Collectors.toMap(Generated::model,
                e -> e, (a, b) -> recency.compare(a, b) >= 0 ? a : b, TreeMap::new))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().parameters().toString(), (a, b) -> a, TreeMap::new));
    }

    private static List<List<String>> currentState(String prefix) {
        return rows("""
                SELECT substr(m.name, length(?) + 1) AS model, b.name, substr(c.event_id, length(?) + 1), c.score
                FROM current_result c JOIN model m ON m.id = c.model_id JOIN benchmark b ON b.id = c.benchmark_id
                WHERE m.name LIKE ? || '%' ORDER BY m.name COLLATE "C", b.name COLLATE "C"
                """, prefix, prefix, prefix).stream()
                .map(row -> List.of(row.get(0), row.get(1), row.get(2), Double.toString(Double.parseDouble(row.get(3)))))
                .toList();
    }

    private static Map<String, String> modelParameters(String prefix) {
        return rows("SELECT substr(name, length(?) + 1), parameters FROM model WHERE name LIKE ? || '%'"
                + " AND parameters IS NOT NULL", prefix, prefix).stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1), (a, b) -> a, TreeMap::new));
    }

    private static long storedWithPrefix(String prefix) {
        return count("SELECT count(*) FROM result WHERE event_id LIKE ? || '%'", prefix);
    }

    private static void awaitStored(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM result WHERE event_id = ?", eventId) == 1);
    }
}
