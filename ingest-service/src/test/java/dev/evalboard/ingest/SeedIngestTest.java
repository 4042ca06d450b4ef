package dev.evalboard.ingest;

import static dev.evalboard.ingest.IngestTestSupport.count;
import static dev.evalboard.ingest.IngestTestSupport.rows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalboard.devstack.SeedData;
import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SeedIngestTest {

    @Test
    void theReferenceEventsLandWithTheirExactValues() {
        List<String> seed = SeedData.lines();
        IngestTestSupport.publish(seed);
        List<String> ids = seed.stream().map(line -> EventJson.parse(line).get("eventId").asText()).toList();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM result WHERE event_id = ANY(?)", (Object) ids.toArray(String[]::new))
                        == seed.size());

        for (String line : seed) {
            JsonNode event = EventJson.parse(line);
            JsonNode model = event.get("model");
            List<List<String>> stored = rows("""
                    SELECT m.name, b.name, b.metric, r.score, (extract(epoch FROM r.evaluated_at) * 1000)::bigint, r.source, m.parameters, m.openness,
                           m.organization, c.event_id
                    FROM result r JOIN model m ON m.id = r.model_id JOIN benchmark b ON b.id = r.benchmark_id
                    JOIN current_result c ON c.model_id = m.id AND c.benchmark_id = b.id
                    WHERE r.event_id = ?""", event.get("eventId").asText());
            assertEquals(1, stored.size(), line);
            List<String> row = stored.get(0);
            assertEquals(model.get("name").asText(), row.get(0));
            assertEquals(event.get("benchmark").asText(), row.get(1));
            assertEquals(event.get("metric").asText(), row.get(2));
            assertEquals(event.get("score").asDouble(), Double.parseDouble(row.get(3)), 0.0, line);
            assertEquals(Instant.parse(event.get("evaluatedAt").asText()).toEpochMilli(), Long.parseLong(row.get(4)),
                    line);
            assertEquals(event.get("source").asText(), row.get(5));
            assertEquals(model.get("parameters").asLong(), Long.parseLong(row.get(6)), line);
            assertEquals(model.get("openness").asText(), row.get(7));
            assertEquals(model.has("organization") ? model.get("organization").asText() : null, row.get(8));
            assertEquals(event.get("eventId").asText(), row.get(9), "the only event is the current one");
        }
    }
}
