package dev.evalboard.devstack.testing;

import dev.evalboard.devstack.EmbeddedPostgres;
import java.util.Map;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at PostgreSQL: the server in {@code QUARKUS_DATASOURCE_JDBC_URL} (with
 * {@code QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}) when set, otherwise the shared
 * embedded one.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public record Database(String jdbcUrl, String username, String password) {
    }

    public static Database database() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Database(url, required("QUARKUS_DATASOURCE_USERNAME"), required("QUARKUS_DATASOURCE_PASSWORD"));
        }
        return new Database(SharedServers.postgres().jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("QUARKUS_DATASOURCE_JDBC_URL is set, so " + variable
                    + " must be set too: the services have no default database login");
        }
        return value;
    }

    @Override
    public Map<String, String> start() {
        Database db = database();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Shared across test classes; stopped when the JVM exits.
    }
}
