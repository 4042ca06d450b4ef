package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code kubectl kustomize k8s} builds agrees with the services themselves: each Deployment runs the module's
 * image on the port in its application.properties, probes Quarkus' health endpoints on that port, and its Service
 * points there.
 */
class KubernetesManifestsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "query-service", "chart-service"})
    void deploymentAndServiceMatchTheService(String service) throws Exception {
        List<JsonNode> objects = kustomize();
        int port = httpPort(service);

        JsonNode deployment = find(objects, "Deployment", service);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertTrue(container.get("image").asText().startsWith("evalboard/" + service + ":"),
                "image of " + service + ": " + container.get("image"));
        assertEquals(port, container.at("/ports/0/containerPort").asInt(), "container port of " + service);
        assertEquals("http", container.at("/ports/0/name").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("http", container.at("/readinessProbe/httpGet/port").asText());
        assertEquals("http", container.at("/livenessProbe/httpGet/port").asText());
        assertNotNull(container.at("/resources/limits/memory").textValue(), "memory limit of " + service);
        assertNotNull(container.at("/resources/requests/cpu").textValue(), "cpu request of " + service);

        JsonNode svc = find(objects, "Service", service);
        assertEquals(port, svc.at("/spec/ports/0/port").asInt(), "service port of " + service);
        assertEquals("http", svc.at("/spec/ports/0/targetPort").asText());
        assertEquals(deployment.at("/spec/selector/matchLabels"), svc.at("/spec/selector"),
                "the Service selects the Deployment's pods");
    }

    @ParameterizedTest
    @ValueSource(strings = {"query-service", "chart-service"})
    void theReadServicesScaleOut(String service) throws Exception {
        JsonNode hpa = find(kustomize(), "HorizontalPodAutoscaler", service);
        assertEquals(service, hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval.results"})
    void ingestReplicasDoNotExceedThePartitions(String topic) throws Exception {
        List<JsonNode> objects = kustomize();
        int partitions = find(objects, "KafkaTopic", topic).at("/spec/partitions").asInt();
        assertTrue(find(objects, "Deployment", "ingest-service").at("/spec/replicas").asInt() <= partitions);
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s"));
    }

    private static int httpPort(String service) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(REPO.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private static List<JsonNode> kustomize() throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", REPO.resolve("k8s").toString())
                .redirectErrorStream(true).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
        assertEquals(0, process.exitValue(), "kubectl kustomize k8s: " + yaml);
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
        }
        return objects;
    }
}
