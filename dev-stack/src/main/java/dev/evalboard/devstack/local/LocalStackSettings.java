package dev.evalboard.devstack.local;

import java.nio.file.Path;
import java.util.Map;

/** What {@code ./evalboard up} runs where; every value can be changed by the environment variable named. */
record LocalStackSettings(Path dataDir, Path repoDir, int kafkaPort, int postgresPort, int ingestPort, int queryPort,
        int chartPort, String externalKafka, String externalJdbcUrl, String dbUser, String dbPassword) {

    static final String DATA_DIR = "EVALBOARD_DATA_DIR";
    static final String KAFKA_PORT = "EVALBOARD_KAFKA_PORT";
    static final String POSTGRES_PORT = "EVALBOARD_POSTGRES_PORT";
    static final String INGEST_PORT = "EVALBOARD_INGEST_PORT";
    static final String QUERY_PORT = "EVALBOARD_QUERY_PORT";
    static final String CHART_PORT = "EVALBOARD_CHART_PORT";

    static LocalStackSettings from(Map<String, String> env, Path repoDir) {
        return new LocalStackSettings(
                repoDir.resolve(env.getOrDefault(DATA_DIR, ".evalboard/data")),
                repoDir,
                port(env, KAFKA_PORT, 9092),
                port(env, POSTGRES_PORT, 5432),
                port(env, INGEST_PORT, 8083),
                port(env, QUERY_PORT, 8081),
                port(env, CHART_PORT, 8082),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("QUARKUS_DATASOURCE_JDBC_URL")),
                env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres"));
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupProblem(name + "=" + value + " is not a port number (1..65535)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
