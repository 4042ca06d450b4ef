package dev.evalboard.system.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository's k8s/ kustomization, copied so a test may break it, and rendered as {@code kubectl} would. */
public final class Manifests {
    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** A copy of k8s/ in {@code dir}, with the logins k8s/secrets/generate writes (as a user would run it). */
    public static Path copy(Path dir) {
        Path source = REPO.resolve("k8s");
        Path target = dir.resolve("k8s");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".env")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("bash", target.resolve("secrets/generate").toString()), "k8s/secrets/generate");
        return target;
    }

    /** Replaces text in one file of a copy, failing when the text is not there (so a broken test cannot pass). */
    public static void edit(Path k8s, String file, String text, String replacement) throws IOException {
        Path path = k8s.resolve(file);
        String content = Files.readString(path);
        assertTrue(content.contains(text), file + " contains " + text);
        Files.writeString(path, content.replace(text, replacement));
    }

    /** {@code kubectl kustomize dir}, parsed. */
    public static List<JsonNode> render(Path k8s) {
        String yaml = run(List.of("kubectl", "kustomize", k8s.toString()), "kubectl kustomize");
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    public static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s"));
    }

    public static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static String run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), what + " finished");
            if (process.exitValue() != 0) {
                throw new AssertionError(what + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
