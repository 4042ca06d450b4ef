package dev.evalboard.system.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether Kafka lets in only those it should: the Kafka runs an authorizer, its listener asks for SCRAM-SHA-512,
 * every KafkaUser logs in with SCRAM and has ACLs, and every Deployment that reaches Kafka logs in as a KafkaUser
 * with the Secret Strimzi writes for it (key {@code sasl.jaas.config}) and the listener's protocol and mechanism.
 */
final class KafkaAccessCheck {
    static final String SCRAM = "scram-sha-512";
    /** The keys of the Secret the User Operator writes for a SCRAM-SHA-512 KafkaUser, named as the user. */
    static final List<String> USER_SECRET_KEYS = List.of("password", "sasl.jaas.config");

    private KafkaAccessCheck() {
    }

    static List<String> check(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode kafka : Manifests.ofKind(objects, "Kafka")) {
            if (!"simple".equals(kafka.at("/spec/kafka/authorization/type").asText())) {
                problems.add(name(kafka) + ": no authorization type simple, so anyone who reaches Kafka may write");
            }
        }
        for (JsonNode user : Manifests.ofKind(objects, "KafkaUser")) {
            String cluster = user.at("/metadata/labels/strimzi.io~1cluster").asText();
            if (Manifests.ofKind(objects, "Kafka").stream().noneMatch(k -> cluster.equals(name(k, "")))) {
                problems.add(name(user) + ": strimzi.io/cluster names no Kafka of these manifests");
            }
            if (!SCRAM.equals(user.at("/spec/authentication/type").asText())) {
                problems.add(name(user) + ": authentication must be " + SCRAM);
            }
            if (!"simple".equals(user.at("/spec/authorization/type").asText())) {
                problems.add(name(user) + ": authorization must be simple, with ACLs");
            }
        }
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                Optional<JsonNode> bootstrap = env(container, "KAFKA_BOOTSTRAP_SERVERS");
                if (bootstrap.isPresent()) {
                    problems.addAll(login(objects, name(deployment), container, value(objects, bootstrap.get())));
                }
            }
        }
        return problems;
    }

    /** Whether {@code name} is the Secret a SCRAM-SHA-512 KafkaUser gets, with {@code key}. */
    static boolean isUserSecretKey(List<JsonNode> objects, String name, String key) {
        return USER_SECRET_KEYS.contains(key) && Manifests.ofKind(objects, "KafkaUser").stream()
                .anyMatch(u -> name.equals(name(u, "")) && SCRAM.equals(u.at("/spec/authentication/type").asText()));
    }

    private static List<String> login(List<JsonNode> objects, String deployment, JsonNode container,
            Optional<String> bootstrap) {
        List<String> problems = new ArrayList<>();
        String where = deployment + ": ";
        Optional<JsonNode> listener = bootstrap.flatMap(servers -> listener(objects, servers));
        if (listener.isEmpty()) {
            return List.of(where + "KAFKA_BOOTSTRAP_SERVERS names no listener of the Kafka (" + bootstrap.orElse("")
                    + ")");
        }
        if (!SCRAM.equals(listener.get().at("/authentication/type").asText())) {
            problems.add(where + "the listener " + listener.get().path("name").asText() + " does not ask for "
                    + SCRAM);
        }
        String protocol = listener.get().path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT";
        expect(problems, where, "KAFKA_SECURITY_PROTOCOL", env(container, "KAFKA_SECURITY_PROTOCOL")
                .flatMap(e -> value(objects, e)), protocol);
        expect(problems, where, "KAFKA_SASL_MECHANISM", env(container, "KAFKA_SASL_MECHANISM")
                .flatMap(e -> value(objects, e)), "SCRAM-SHA-512");
        JsonNode jaas = env(container, "KAFKA_SASL_JAAS_CONFIG").map(e -> e.at("/valueFrom/secretKeyRef"))
                .orElse(null);
        if (jaas == null || jaas.isMissingNode() || !"sasl.jaas.config".equals(jaas.path("key").asText())
                || !isUserSecretKey(objects, jaas.path("name").asText(), "sasl.jaas.config")) {
            problems.add(where + "KAFKA_SASL_JAAS_CONFIG must come from key sasl.jaas.config of the Secret of a "
                    + "KafkaUser with " + SCRAM);
        }
        return problems;
    }

    /** The listener of the Kafka whose bootstrap Service and port {@code servers} names. */
    private static Optional<JsonNode> listener(List<JsonNode> objects, String servers) {
        String first = servers.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = first.substring(0, colon);
        String port = first.substring(colon + 1);
        for (JsonNode kafka : Manifests.ofKind(objects, "Kafka")) {
            if (host.equals(name(kafka, "") + "-kafka-bootstrap")) {
                for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                    if (port.equals(listener.path("port").asText())) {
                        return Optional.of(listener);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void expect(List<String> problems, String where, String variable, Optional<String> actual,
            String expected) {
        if (!actual.equals(Optional.of(expected))) {
            problems.add(where + variable + " must be " + expected + ", not " + actual.orElse("unset"));
        }
    }

    private static Optional<JsonNode> env(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText())) {
                return Optional.of(env);
            }
        }
        return Optional.empty();
    }

    /** An env entry's value: given, or read from a ConfigMap of the manifests. */
    private static Optional<String> value(List<JsonNode> objects, JsonNode env) {
        if (env.has("value")) {
            return Optional.of(env.path("value").asText());
        }
        JsonNode ref = env.at("/valueFrom/configMapKeyRef");
        return Manifests.ofKind(objects, "ConfigMap").stream()
                .filter(map -> ref.path("name").asText().equals(name(map, "")))
                .map(map -> map.at("/data/" + ref.path("key").asText()))
                .filter(JsonNode::isTextual).map(JsonNode::asText).findFirst();
    }

    private static String name(JsonNode object) {
        return name(object, object.path("kind").asText() + " ");
    }

    private static String name(JsonNode object, String prefix) {
        return prefix + object.at("/metadata/name").asText();
    }
}
