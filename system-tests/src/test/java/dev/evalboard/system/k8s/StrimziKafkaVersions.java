package dev.evalboard.system.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Kafka versions each Strimzi release runs (its kafka-versions.yaml, "supported: true"), from the oldest
 * release Evalboard requires to the one whose model the checks use (io.strimzi:api 1.2.0).
 */
public final class StrimziKafkaVersions {
    /** The oldest Strimzi the manifests need: the first that serves only kafka.strimzi.io/v1 and runs Kafka 4.2.1. */
    public static final String REQUIRED_STRIMZI = "1.1";
    static final Map<String, Set<String>> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("1.1", Set.of("4.2.0", "4.2.1", "4.3.0"));
        SUPPORTED.put("1.2", Set.of("4.2.0", "4.2.1", "4.3.0", "4.3.1"));
    }

    private StrimziKafkaVersions() {
    }

    /** Each Kafka's version must run on every Strimzi release from the required one on. */
    static List<String> check(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode kafka : Manifests.ofKind(objects, "Kafka")) {
            String version = kafka.at("/spec/kafka/version").asText();
            SUPPORTED.forEach((strimzi, kafkas) -> {
                if (!kafkas.contains(version)) {
                    problems.add("Kafka " + kafka.at("/metadata/name").asText() + ": version " + version
                            + " does not run on Strimzi " + strimzi + " (it runs " + kafkas + ")");
                }
            });
        }
        return problems;
    }
}
