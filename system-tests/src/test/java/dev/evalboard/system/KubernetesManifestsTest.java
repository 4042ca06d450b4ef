package dev.evalboard.system;

import static dev.evalboard.system.k8s.Manifests.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalboard.system.k8s.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code kubectl kustomize k8s} builds agrees with the services themselves: each Deployment runs on the port in
 * its application.properties, probes Quarkus' health endpoints there, keeps metrics off its Service, survives a
 * drain, leaves the replica count to its autoscaler, gives the heap half its memory; the database takes every
 * connection pool at the scaling maxima; the change feed's topic exists and the read services can reach it.
 */
class KubernetesManifestsTest {
    private static final long MI = 1024 * 1024;
    private static List<JsonNode> objects;

    @BeforeAll
    static void render(@TempDir Path dir) {
        objects = Manifests.render(Manifests.copy(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "query-service", "chart-service"})
    void deploymentAndServiceMatchTheService(String service) throws Exception {
        int port = Integer.parseInt(properties(service).getProperty("quarkus.http.port"));
        JsonNode deployment = find(objects, "Deployment", service);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals(port, container.at("/ports/0/containerPort").asInt(), "container port of " + service);
        assertEquals("http", container.at("/ports/0/name").asText());
        assertEquals(9000, container.at("/ports/1/containerPort").asInt(), "management port of " + service);
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("http", container.at("/" + probe + "/httpGet/port").asText(), probe + " on the API port");
        }
        assertNotNull(container.at("/resources/requests/cpu").textValue(), "cpu request of " + service);

        JsonNode svc = find(objects, "Service", service);
        assertEquals(1, svc.at("/spec/ports").size(), "only the API port is in the Service of " + service);
        assertEquals(port, svc.at("/spec/ports/0/port").asInt(), "service port of " + service);
        assertEquals("http", svc.at("/spec/ports/0/targetPort").asText());
        assertEquals(deployment.at("/spec/selector/matchLabels"), svc.at("/spec/selector"));
        assertEquals(deployment.at("/spec/selector/matchLabels"),
                find(objects, "PodDisruptionBudget", service).at("/spec/selector/matchLabels"),
                "a PodDisruptionBudget guards the pods of " + service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "query-service", "chart-service"})
    void theHeapLeavesRoomForEverythingElse(String service) {
        JsonNode container = find(objects, "Deployment", service).at("/spec/template/spec/containers/0");
        long limit = mebibytes(container.at("/resources/limits/memory").asText()) * MI;
        assertTrue(container.path("env").findValues("name").stream().anyMatch(n -> n.asText()
                .equals("JAVA_MAX_MEM_RATIO")), service + " sets JAVA_MAX_MEM_RATIO (run-java.sh gives the heap 80%)");
        int ratio = Integer.parseInt(find(objects, "ConfigMap", "evalboard-config").at("/data/JAVA_MAX_MEM_RATIO")
                .asText());
        long heap = limit * ratio / 100;
        assertTrue(heap >= 512 * MI, service + ": a heap of at least 512 MiB, as the tests run it");
        assertTrue(limit - heap >= 384 * MI, service + ": at least 384 MiB beside the heap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"query-service", "chart-service"})
    void theReadServicesScaleOutUnderTheirAutoscalerAlone(String service) {
        JsonNode hpa = find(objects, "HorizontalPodAutoscaler", service);
        assertEquals(service, hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt());
        assertTrue(find(objects, "Deployment", service).at("/spec/replicas").isMissingNode(),
                "no fixed replicas beside the autoscaler of " + service);
    }

    @Test
    void ingestReplicasDoNotExceedThePartitions() {
        int partitions = find(objects, "KafkaTopic", "eval.results").at("/spec/partitions").asInt();
        assertTrue(find(objects, "Deployment", "ingest-service").at("/spec/replicas").asInt() <= partitions);
    }

    @Test
    void everyInstanceTakesEveryPoolAtTheScalingMaxima() throws Exception {
        int queryPods = find(objects, "HorizontalPodAutoscaler", "query-service").at("/spec/maxReplicas").asInt();
        int ingestPods = find(objects, "KafkaTopic", "eval.results").at("/spec/partitions").asInt();
        int pools = queryPods * pool("query-service") + ingestPods * pool("ingest-service");
        int maxConnections = find(objects, "Cluster", "evalboard-db")
                .at("/spec/postgresql/parameters/max_connections").asInt();
        assertTrue(maxConnections >= pools + 10, "max_connections " + maxConnections + " for " + pools
                + " pooled connections, the operator's own and superuser_reserved_connections");
    }

    @Test
    void thePostgresImageIsPinnedAndTheSecretsReload() {
        String image = find(objects, "Cluster", "evalboard-db").at("/spec/imageName").asText();
        assertTrue(image.matches(".*:17\\.\\d+-\\d{12}-.*") || image.contains("@sha256:"),
                "a dated tag or a digest, not a moving one: " + image);
        for (String secret : List.of("evalboard-db-owner", "evalboard-db-reader")) {
            assertEquals("true", find(objects, "Secret", secret).at("/metadata/labels/cnpg.io~1reload").asText());
        }
    }

    @Test
    void moderationHasOnePartitionSoItsRecordsApplyInOrder() throws IOException {
        assertEquals(1, find(objects, "KafkaTopic", "eval.moderation").at("/spec/partitions").asInt());
        String composeSetup = Files.readString(Manifests.REPO.resolve("deploy/kafka/setup"));
        assertTrue(composeSetup.contains("\ntopic eval.moderation 1\n"), "compose's setup too");
    }

    @Test
    void theChangeFeedHasItsTopicAndItsReaders() {
        JsonNode changes = find(objects, "KafkaTopic", "eval.changes");
        assertEquals(1, changes.at("/spec/partitions").asInt());
        assertEquals("86400000", changes.at("/spec/config/retention.ms").asText());
        assertEquals("delete", changes.at("/spec/config/cleanup.policy").asText());
        for (String service : List.of("ingest-service", "query-service", "chart-service")) {
            JsonNode env = find(objects, "Deployment", service).at("/spec/template/spec/containers/0/env");
            assertTrue(env.findValues("name").stream().anyMatch(n -> n.asText().equals("KAFKA_BOOTSTRAP_SERVERS")),
                    service + " reaches Kafka");
        }
    }

    @Test
    void noStrimziResourceCarriesAnnotationsStrimziIgnores() {
        for (JsonNode object : objects) {
            JsonNode annotations = object.at("/metadata/annotations");
            assertFalse(annotations.has("strimzi.io/kraft") || annotations.has("strimzi.io/node-pools"),
                    object.path("kind").asText() + " " + object.at("/metadata/name").asText());
        }
    }

    private static int pool(String service) throws IOException {
        return Integer.parseInt(properties(service).getProperty("quarkus.datasource.jdbc.max-size"));
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertTrue(quantity.endsWith("Mi"), "a memory limit in Mi or Gi: " + quantity);
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }

    static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Manifests.REPO.resolve(service
                + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}
