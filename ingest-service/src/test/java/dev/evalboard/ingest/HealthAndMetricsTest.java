package dev.evalboard.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.evalboard.devstack.testing.KafkaTestResource;
import dev.evalboard.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthAndMetricsTest {
    // Relative to the management root path, /q.
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readyWhenKafkaAndTheDatabaseAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Kafka")).body(containsString("Database"));
    }

    @Test
    void theConnectorReportsItsChannelsInLivenessAndReadiness() {
        Map.of("/q/health/live", "liveness", "/q/health/ready", "readiness").forEach((probe, kind) -> {
            String check = "checks.find { it.name == 'SmallRye Reactive Messaging - " + kind + " check' }";
            given().when().get(probe).then().statusCode(200)
                    .body(check + ".status", equalTo("UP"))
                    .body(check + ".data.keySet()", hasItems("results", "dead-letters", "changes"));
        });
    }

    @Test
    void readinessShowsTheDatabasesDurabilitySettingsAndThatNoPartitionIsStuck() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Database durability' }.data.synchronous_commit", equalTo("on"))
                .body("checks.find { it.name == 'Database durability' }.data.fsync", equalTo("on"))
                .body("checks.find { it.name == 'Database durability' }.data.warning", equalTo(null))
                .body("checks.find { it.name == 'Ingest progress' }.status", equalTo("UP"));
    }

    @Test
    void countsAcceptedRejectedAndDuplicateEvents() {
        String id = "metrics-" + UUID.randomUUID();
        String event = EventJson.event(id, "metrics-model", "B", 1, null).toString();
        IngestTestSupport.publish(List.of(event, event, "not json"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get(metrics).then()
                .statusCode(200)
                .body(containsString("evalboard_ingest_events_total{outcome=\"accepted\"}"))
                .body(containsString("evalboard_ingest_events_total{outcome=\"duplicate\"}"))
                .body(containsString("evalboard_ingest_events_total{outcome=\"rejected\"}"))
                .body(containsString("evalboard_ingest_batch_size_count"))
                .body(containsString("evalboard_ingest_consumer_lag"))
                .body(containsString("evalboard_ingest_batches_held_total"))
                .body(containsString("evalboard_ingest_dead_letters_cut_down_total"))
                // The connector's own: messages per channel, and the Kafka clients' metrics.
                .body(containsString("mp_messaging_message_count_total{channel=\"results\""))
                .body(containsString("kafka_consumer_fetch_manager_records_consumed_total")));
    }

    @Test
    void metricsAreOnTheManagementPortOnly() {
        given().when().get(metrics).then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
