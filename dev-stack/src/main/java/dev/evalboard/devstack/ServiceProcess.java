package dev.evalboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Evalboard service (a packaged Quarkus application) running as a separate Java process, as it runs in
 * production: for end-to-end tests, fault injection ({@link #kill()} is a {@code kill -9}) and the local stack.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(String name, Process process, int httpPort, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts a built module with its management interface (metrics, OpenAPI) on a free port. */
    public static ServiceProcess start(String name, Path appDir, int httpPort, Map<String, String> env, Path log) {
        return start(name, appDir, httpPort, FreePorts.pick(), env, log);
    }

    /**
     * Starts {@code quarkus-app/quarkus-run.jar} of a built module.
     *
     * @param appDir the module's {@code target/quarkus-app} directory
     * @param env    settings as environment variables (QUARKUS_HTTP_PORT and QUARKUS_MANAGEMENT_PORT are set from
     *               {@code httpPort} and {@code managementPort}); an empty value removes an inherited variable
     */
    public static ServiceProcess start(String name, Path appDir, int httpPort, int managementPort,
            Map<String, String> env, Path log) {
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the module first (./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        env.forEach((variable, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(name, builder.start(), httpPort, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The management interface: {@code /q/metrics}, {@code /q/openapi}, {@code /q/swagger-ui}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public Path log() {
        return log;
    }

    /** The operating-system process id, to read its memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Ends the process at once, as {@code kill -9} would: no shutdown hooks, no graceful close. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Asks the process to stop (SIGTERM) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
