package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.ServiceProcess;
import dev.evalboard.system.k8s.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A packaged service started without a database login stops at once, naming the missing settings: there is no
 * default login to fall back to (it used to be the postgres superuser).
 */
class ProductionLoginTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "query-service"})
    void withoutALoginTheServiceStopsNamingWhatIsMissing(String service) throws Exception {
        // Empty removes the variables, so a login in the environment of the build cannot leak in.
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_USERNAME", "", "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:9/evalboard");
        Path log = dir.resolve(service + ".log");
        try (ServiceProcess process = ServiceProcess.start(service,
                Manifests.REPO.resolve(service).resolve("target/quarkus-app"), FreePorts.pick(), env, log)) {
            IllegalStateException stopped = assertThrows(IllegalStateException.class,
                    () -> process.awaitReady(Duration.ofSeconds(60)));
            assertTrue(stopped.getMessage().contains("exited with 1"), stopped.getMessage());
        }
        String output = Files.readString(log);
        assertTrue(output.contains("QUARKUS_DATASOURCE_USERNAME") && output.contains("QUARKUS_DATASOURCE_PASSWORD"),
                output);
        assertTrue(!output.contains("\tat "), "a message, not a stack trace: " + output);
    }
}
