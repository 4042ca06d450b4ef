package dev.evalboard.system.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks CloudNativePG resources against the fields of the operator's CRD (see the .fields resource: types,
 * required fields, allowed values), and that the Secrets a Cluster names exist with the keys the operator reads.
 */
final class CloudNativePgCheck {
    static final String GROUP = "postgresql.cnpg.io";
    private static final Map<String, Field> CLUSTER = fields("cloudnative-pg-1.30-cluster.fields");

    private record Field(String type, boolean required, Set<String> oneOf) {
    }

    private CloudNativePgCheck() {
    }

    static List<String> check(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            if (!object.path("apiVersion").asText().startsWith(GROUP + "/")) {
                continue;
            }
            String name = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            if (!"Cluster".equals(object.path("kind").asText())) {
                problems.add(name + ": no CloudNativePG field list for this kind");
                continue;
            }
            walk(object, "", name, problems);
            problems.addAll(secrets(object, objects, name));
        }
        return problems;
    }

    private static void walk(JsonNode node, String path, String name, List<String> problems) {
        // The resource itself, and each item of a list of objects, is an object.
        Field field = path.isEmpty() || path.endsWith("[]") ? new Field("object", true, Set.of()) : CLUSTER.get(path);
        String where = name + ": " + (path.isEmpty() ? "the resource" : path);
        if (!hasType(node, field.type())) {
            problems.add(where + " must be " + field.type());
            return;
        }
        if (!field.oneOf().isEmpty() && !field.oneOf().contains(node.asText())) {
            problems.add(where + " is " + node.asText() + ", not one of " + field.oneOf());
        }
        if (field.type().equals("object")) {
            node.fieldNames().forEachRemaining(key -> {
                String child = path.isEmpty() ? key : path + "." + key;
                if (CLUSTER.containsKey(child)) {
                    walk(node.get(key), child, name, problems);
                } else {
                    problems.add(name + ": " + child + " is not a field of a CloudNativePG Cluster");
                }
            });
            CLUSTER.forEach((child, f) -> {
                if (f.required() && isChild(path, child) && !node.has(child.substring(child.lastIndexOf('.') + 1))) {
                    problems.add(name + ": " + child + " is required");
                }
            });
        } else if (field.type().equals("list<object>")) {
            node.forEach(item -> walk(item, path + "[]", name, problems));
        }
    }

    private static boolean isChild(String parent, String path) {
        String prefix = parent.isEmpty() ? "" : parent + ".";
        return path.startsWith(prefix) && path.indexOf('.', prefix.length()) < 0 && !path.equals(parent);
    }

    private static boolean hasType(JsonNode node, String type) {
        return switch (type) {
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "boolean" -> node.isBoolean();
            case "object" -> node.isObject();
            case "map<string>" -> node.isObject() && all(node, JsonNode::isTextual);
            case "list<string>" -> node.isArray() && all(node, JsonNode::isTextual);
            case "list<object>" -> node.isArray() && all(node, JsonNode::isObject);
            default -> throw new IllegalStateException("unknown type " + type + " in the field list");
        };
    }

    private static boolean all(JsonNode node, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : node) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    /** The owner's Secret and each managed role's: basic-auth with the role's own name as username. */
    private static List<String> secrets(JsonNode cluster, List<JsonNode> objects, String name) {
        List<String> problems = new ArrayList<>();
        JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
        if (initdb.has("secret")) {
            login(objects, initdb.at("/secret/name").asText(), initdb.path("owner").asText(), name, problems);
        }
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            if (role.has("passwordSecret")) {
                login(objects, role.at("/passwordSecret/name").asText(), role.path("name").asText(), name, problems);
            }
        }
        return problems;
    }

    private static void login(List<JsonNode> objects, String secret, String role, String name, List<String> problems) {
        JsonNode data = objects.stream().filter(o -> "Secret".equals(o.path("kind").asText())
                && secret.equals(o.at("/metadata/name").asText())).findFirst().map(o -> o.path("data")).orElse(null);
        if (data == null) {
            problems.add(name + ": Secret " + secret + " does not exist");
            return;
        }
        for (String key : List.of("username", "password")) {
            if (!data.hasNonNull(key) || data.get(key).asText().isEmpty()) {
                problems.add(name + ": Secret " + secret + " has no " + key);
            }
        }
        String username = new String(Base64.getDecoder().decode(data.path("username").asText()),
                StandardCharsets.UTF_8);
        if (data.has("username") && !username.equals(role)) {
            problems.add(name + ": Secret " + secret + " logs in as " + username + ", not as " + role);
        }
    }

    private static Map<String, Field> fields(String resource) {
        Map<String, Field> fields = new LinkedHashMap<>();
        try (InputStream in = CloudNativePgCheck.class.getResourceAsStream("/k8s/" + resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split("\\s+");
                int oneOf = line.indexOf("one of ");
                fields.put(words[0], new Field(words[1], line.contains(" required"),
                        oneOf < 0 ? Set.of() : Set.of(line.substring(oneOf + 7).trim().split("\\|"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
