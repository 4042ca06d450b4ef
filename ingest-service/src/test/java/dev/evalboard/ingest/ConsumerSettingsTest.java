package dev.evalboard.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector's consumer runs with ingest's documented settings, {@code evalboard.ingest.*} included. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerSettingsTest {
    @Inject
    KafkaClientService clients;

    @Test
    void theResultsConsumerHasIngestsSettings() {
        Map<String, ?> settings = clients.getConsumer("results").configuration();
        assertTrue(String.valueOf(settings.get("client.id")).matches("evalboard-ingest-[0-9a-f-]{36}-results"),
                "the client id names the instance: " + settings.get("client.id"));
        Map<String, String> expected = Map.of(
                "group.id", "evalboard-ingest",
                "session.timeout.ms", "10000",
                "max.poll.records", "5000",
                "fetch.min.bytes", "1048576",
                "fetch.max.wait.ms", "100",
                "enable.auto.commit", "false",
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed",
                "allow.auto.create.topics", "false");
        expected.forEach((name, value) -> assertEquals(value, String.valueOf(settings.get(name)), name));
    }

    /**
     * A rebalance of the group waits for every member, so a crashed instance's moderation consumer must expire as
     * soon as its results consumers, or a restarted instance waits for Kafka's 45 s default before its first batch.
     */
    @Test
    void theModerationConsumerInTheResultsGroupExpiresWithTheResultsConsumers() {
        Map<String, ?> moderation = clients.getConsumer("moderation").configuration();
        assertEquals("evalboard-ingest", String.valueOf(moderation.get("group.id")));
        assertEquals("10000", String.valueOf(moderation.get("session.timeout.ms")));
    }
}
