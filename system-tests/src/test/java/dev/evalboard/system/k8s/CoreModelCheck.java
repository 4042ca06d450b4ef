package dev.evalboard.system.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the Kubernetes resources as the API server would: each parsed into fabric8's typed model of its
 * apiVersion and kind (an unknown field or a wrong apiVersion is a problem), every key a container reads from a
 * ConfigMap or Secret exists, and every pod meets the "restricted" Pod Security Standard of the namespace.
 */
final class CoreModelCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> MODEL = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
    /** The volume types the restricted standard allows. */
    private static final Set<String> VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    private CoreModelCheck() {
    }

    static List<String> check(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String apiVersion = object.path("apiVersion").asText();
            if (apiVersion.startsWith(StrimziModelCheck.GROUP + "/")
                    || apiVersion.startsWith(CloudNativePgCheck.GROUP + "/")) {
                continue;
            }
            String name = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            Class<?> model = MODEL.get(apiVersion + "/" + object.path("kind").asText());
            if (model == null) {
                problems.add(name + ": " + apiVersion + " is not an apiVersion and kind this check knows");
                continue;
            }
            try {
                problems.addAll(UnknownFields.of(JSON.treeToValue(object, model), object, name).stream()
                        .map(field -> field + ": no such field").toList());
            } catch (JsonProcessingException e) {
                problems.add(name + ": " + e.getOriginalMessage());
                continue;
            }
            if (model == Deployment.class) {
                problems.addAll(references(object, objects, name));
                problems.addAll(restricted(object.at("/spec/template/spec"), name));
            }
        }
        return problems;
    }

    private static List<String> references(JsonNode deployment, List<JsonNode> objects, String name) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            for (JsonNode env : container.path("env")) {
                for (String kind : List.of("ConfigMap", "Secret")) {
                    JsonNode ref = env.at("/valueFrom/" + Character.toLowerCase(kind.charAt(0)) + kind.substring(1)
                            + "KeyRef");
                    if (!ref.isMissingNode() && !ref.path("optional").asBoolean(false)
                            && !hasKey(objects, kind, ref.path("name").asText(), ref.path("key").asText())) {
                        problems.add(name + ": " + env.path("name").asText() + " reads key " + ref.path("key").asText()
                                + " of " + kind + " " + ref.path("name").asText() + ", which does not exist");
                    }
                }
            }
        }
        return problems;
    }

    /** Whether the key exists, in the manifests or in the Secret Strimzi writes for a KafkaUser. */
    private static boolean hasKey(List<JsonNode> objects, String kind, String name, String key) {
        if (kind.equals("Secret") && KafkaAccessCheck.isUserSecretKey(objects, name, key)) {
            return true;
        }
        return objects.stream().anyMatch(o -> kind.equals(o.path("kind").asText())
                && name.equals(o.at("/metadata/name").asText())
                && (o.at("/data/" + key).isTextual() || o.at("/stringData/" + key).isTextual()));
    }

    private static List<String> restricted(JsonNode pod, String name) {
        List<String> problems = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                problems.add(name + ": " + host + " is not allowed under the restricted standard");
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            volume.fieldNames().forEachRemaining(type -> {
                if (!type.equals("name") && !VOLUMES.contains(type)) {
                    problems.add(name + ": volume type " + type + " is not allowed under the restricted standard");
                }
            });
        }
        JsonNode podContext = pod.path("securityContext");
        for (JsonNode container : pod.path("containers")) {
            JsonNode context = container.path("securityContext");
            String where = name + ", container " + container.path("name").asText() + ": ";
            if (!context.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean(false))) {
                problems.add(where + "runAsNonRoot must be true");
            }
            if (context.path("runAsUser").asInt(podContext.path("runAsUser").asInt(-1)) == 0) {
                problems.add(where + "runAsUser must not be 0");
            }
            String seccomp = context.at("/seccompProfile/type").asText(podContext.at("/seccompProfile/type").asText());
            if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                problems.add(where + "seccompProfile must be RuntimeDefault or Localhost");
            }
            if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(where + "allowPrivilegeEscalation must be false");
            }
            if (context.path("privileged").asBoolean(false)) {
                problems.add(where + "privileged is not allowed");
            }
            if (!context.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                problems.add(where + "capabilities must drop ALL");
            }
            for (JsonNode added : context.at("/capabilities/add")) {
                if (!added.asText().equals("NET_BIND_SERVICE")) {
                    problems.add(where + "capability " + added.asText() + " may not be added");
                }
            }
        }
        return problems;
    }
}
