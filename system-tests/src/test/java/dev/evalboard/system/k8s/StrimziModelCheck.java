package dev.evalboard.system.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Parses every Strimzi resource into the typed model of {@code io.strimzi:api} (the classes the operator itself
 * reads them with) and reports what the operator would reject: an apiVersion it does not serve, a kind it does not
 * know, a field its model does not have.
 *
 * <p>io.strimzi:api 1.2.0 is compiled for Java 21 while Evalboard builds for Java 17, so the classes are reached
 * only by name, in a JVM of Java 21 or later started for the check ({@link #run}).
 */
public final class StrimziModelCheck {
    static final String GROUP = "kafka.strimzi.io";
    private static final Map<String, String> MODEL = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StrimziModelCheck() {
    }

    /** The problems of the Strimzi resources among {@code objects}, checked in a Java 21+ JVM. */
    static List<String> run(List<JsonNode> objects, Path workDir) throws IOException, InterruptedException {
        List<JsonNode> strimzi = objects.stream()
                .filter(o -> o.path("apiVersion").asText().startsWith(GROUP + "/")).toList();
        Path input = Files.createTempFile(workDir, "strimzi", ".json");
        JSON.writeValue(input.toFile(), strimzi);
        Process process = new ProcessBuilder(java21().toString(), "-cp", System.getProperty("java.class.path"),
                StrimziModelCheck.class.getName(), input.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        List<String> problems = output.lines().filter(line -> line.startsWith("problem: "))
                .map(line -> line.substring("problem: ".length())).toList();
        if (exit != 0 && problems.isEmpty()) {
            throw new IllegalStateException("the Strimzi model check failed: " + output);
        }
        return problems;
    }

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : JSON.readTree(Path.of(args[0]).toFile())) {
            problems.addAll(check(object));
        }
        problems.forEach(problem -> System.out.println("problem: " + problem));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static List<String> check(JsonNode object) {
        String kind = object.path("kind").asText();
        String name = kind + " " + object.at("/metadata/name").asText();
        String model = MODEL.get(kind);
        if (model == null) {
            return List.of(name + ": not a kind this check knows from io.strimzi:api");
        }
        try {
            Class<?> type = Class.forName(model);
            String served = servedApiVersion(type);
            String apiVersion = object.path("apiVersion").asText();
            if (!served.equals(apiVersion)) {
                return List.of(name + ": apiVersion " + apiVersion + " is not served by Strimzi 1.x (" + served + ")");
            }
            Object typed = JSON.treeToValue(object, type);
            return UnknownFields.of(typed, object, name).stream().map(field -> field + ": no such field").toList();
        } catch (IOException e) {
            return List.of(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The apiVersion fabric8 derives from the model class's {@code @Group} and {@code @Version}. */
    private static String servedApiVersion(Class<?> type) throws ReflectiveOperationException {
        Method apiVersion = Class.forName("io.fabric8.kubernetes.api.model.HasMetadata")
                .getMethod("getApiVersion", Class.class);
        return (String) apiVersion.invoke(null, type);
    }

    /** This JVM when it is Java 21 or later, else JAVA21_HOME, else a JDK 21+ installed under /usr/lib/jvm. */
    private static Path java21() throws IOException {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        String home = System.getenv("JAVA21_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "bin", "java");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                found = dirs.filter(dir -> featureVersion(dir.getFileName().toString()) >= 21)
                        .map(dir -> dir.resolve("bin/java")).filter(Files::isExecutable).findFirst();
            }
        }
        return found.orElseThrow(() -> new IllegalStateException("io.strimzi:api 1.2.0 needs Java 21 or later: "
                + "install a JDK 21+ (.ci/run does) or set JAVA21_HOME"));
    }

    private static int featureVersion(String jdkDirectory) {
        Matcher number = Pattern.compile("(\\d+)").matcher(jdkDirectory);
        return number.find() ? Integer.parseInt(number.group(1)) : 0;
    }
}
