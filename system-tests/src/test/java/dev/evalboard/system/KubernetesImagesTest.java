package dev.evalboard.system;

import static dev.evalboard.system.k8s.Manifests.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalboard.system.k8s.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images Jib builds (each service's application.properties) and the Dockerfiles (compose) are what the
 * Deployments expect: the same base image, user, ports and entrypoint; and one setting, the prefix in
 * k8s/images.yaml, points all three Deployments at the registry the images were pushed to, tagged with the project
 * version.
 */
class KubernetesImagesTest {
    private static final List<String> SERVICES = List.of("ingest-service", "query-service", "chart-service");
    private static final String IMAGE_TEMPLATE =
            "${evalboard.image-prefix:%s}/${quarkus.application.name}:${quarkus.application.version}";

    @TempDir
    Path dir;

    @Test
    void oneSettingPointsEveryDeploymentAtTheRegistry() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "images.yaml", "prefix: registry.example.com/evalboard",
                "prefix: registry.test:5000/team/evalboard");
        List<JsonNode> objects = Manifests.render(k8s);
        for (String service : SERVICES) {
            assertEquals("registry.test:5000/team/evalboard/" + service + ":" + projectVersion(),
                    find(objects, "Deployment", service).at("/spec/template/spec/containers/0/image").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "query-service", "chart-service"})
    void imageSettingsAgreeWithTheDeployment(String service) throws Exception {
        Properties jib = KubernetesManifestsTest.properties(service);
        String dockerfile = Files.readString(Manifests.REPO.resolve(service).resolve("Dockerfile"));
        JsonNode pod = find(Manifests.render(Manifests.copy(dir)), "Deployment", service).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertEquals(String.format(IMAGE_TEMPLATE, defaultPrefix()), jib.getProperty("quarkus.container-image.image"));
        assertEquals(dockerfileValue(dockerfile, "FROM"), jib.getProperty("quarkus.jib.base-jvm-image"),
                "Jib and the Dockerfile start from the same image");

        String user = pod.at("/securityContext/runAsUser").asText();
        assertEquals(user, jib.getProperty("quarkus.jib.user"), "the Deployment runs as the image's user");
        assertEquals(user, dockerfileValue(dockerfile, "USER"));

        List<String> ports = List.of(container.at("/ports/0/containerPort").asText(),
                container.at("/ports/1/containerPort").asText());
        assertEquals(ports, Arrays.asList(jib.getProperty("quarkus.jib.ports")
                .replace("${quarkus.http.port}", jib.getProperty("quarkus.http.port")).split(",")));
        assertEquals(ports, Arrays.asList(dockerfileValue(dockerfile, "EXPOSE").split(" ")));

        // Both images start run-java.sh (Quarkus' Jib does so for a Red Hat OpenJDK base image): the Deployment must
        // not replace it, since run-java.sh is what reads JAVA_MAX_MEM_RATIO.
        assertTrue(jib.getProperty("quarkus.jib.base-jvm-image").contains("/openjdk-17-runtime:"));
        assertEquals("[ \"/opt/jboss/container/java/run/run-java.sh\" ]", dockerfileValue(dockerfile, "ENTRYPOINT"));
        assertTrue(container.path("command").isMissingNode() && container.path("args").isMissingNode(),
                "the Deployment keeps the image's entrypoint");
    }

    private static String defaultPrefix() throws Exception {
        Matcher prefix = Pattern.compile("prefix: (\\S+)").matcher(
                Files.readString(Manifests.REPO.resolve("k8s/images.yaml")));
        assertTrue(prefix.find());
        return prefix.group(1);
    }

    private static String dockerfileValue(String dockerfile, String instruction) {
        return dockerfile.lines().filter(line -> line.startsWith(instruction + " ")).reduce((a, b) -> b)
                .map(line -> line.substring(instruction.length() + 1).trim())
                .orElseThrow(() -> new AssertionError("no " + instruction + " in the Dockerfile"));
    }

    private static String projectVersion() throws Exception {
        Matcher version = Pattern.compile("<artifactId>evalboard-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Manifests.REPO.resolve("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }
}
