package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.ServiceProcess;
import dev.evalboard.system.k8s.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * query-service validates its Hibernate mapping against the result store at start-up
 * ({@code schema-management.strategy=validate}), so the mapping and event-contract's migrations cannot drift apart:
 * it refuses a store without the schema (ingest-service has not migrated it yet) or with a column of another type,
 * naming what differs, and accepts columns it does not read, such as a later migration adds.
 */
class QuerySchemaValidationTest {
    @TempDir
    Path dir;

    @Test
    void theServiceStartsOnlyOnASchemaThatMatchesItsMapping() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("postgres"), 0)) {
            assertRefused(postgres, "empty", "Schema validation: missing table [benchmark]");

            Flyway.configure().dataSource(postgres.jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)
                    .locations("classpath:db/migration").load().migrate();
            execute(postgres, "ALTER TABLE benchmark ADD COLUMN unread_by_query_service double precision");
            try (ServiceProcess query = start(postgres, "migrated")) {
                query.awaitReady(Duration.ofSeconds(90));
            }

            execute(postgres, "ALTER TABLE model ALTER COLUMN organization TYPE bigint USING NULL");
            assertRefused(postgres, "drifted", "column [organization] in table [model]");
        }
    }

    private void assertRefused(EmbeddedPostgres postgres, String name, String expected) throws Exception {
        try (ServiceProcess query = start(postgres, name)) {
            IllegalStateException stopped = assertThrows(IllegalStateException.class,
                    () -> query.awaitReady(Duration.ofSeconds(90)));
            assertTrue(stopped.getMessage().contains("exited with 1"), stopped.getMessage());
        }
        String output = Files.readString(dir.resolve(name + ".log"));
        assertTrue(output.contains(expected), "the log names what differs: " + output);
    }

    private ServiceProcess start(EmbeddedPostgres postgres, String name) {
        // No broker: the change feed retries in the background and start-up does not wait for it.
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgres.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + FreePorts.pick());
        return ServiceProcess.start("query-service", Manifests.REPO.resolve("query-service/target/quarkus-app"),
                FreePorts.pick(), env, dir.resolve(name + ".log"));
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
