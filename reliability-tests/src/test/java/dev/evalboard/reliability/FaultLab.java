package dev.evalboard.reliability;

import dev.evalboard.devstack.EmbeddedKafka;
import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One scenario's world: a real Kafka broker and a real PostgreSQL in a fresh directory, the topics, and the packaged
 * services as separate processes that a scenario may kill, stop and start again. Service logs stay in
 * {@code target/reliability/<scenario>/}.
 */
final class FaultLab implements AutoCloseable {
    static final String TOPIC = "eval.results";
    static final String DEAD_LETTER_TOPIC = "eval.results.dlq";
    static final String CHANGE_TOPIC = "eval.changes";
    static final String MODERATION_TOPIC = "eval.moderation";
    static final String GROUP = "evalboard-ingest";
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String scenario;
    private final Path dataDir;
    private final Path logDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private EmbeddedPostgres standby;
    private final List<ServiceProcess> services = new ArrayList<>();

    private FaultLab(String scenario, Path dataDir, EmbeddedKafka kafka, EmbeddedPostgres postgres) {
        this.scenario = scenario;
        this.dataDir = dataDir;
        this.logDir = Path.of("target", "reliability", scenario).toAbsolutePath();
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts the broker and the database and creates {@code eval.results} with {@code partitions} partitions. */
    static FaultLab start(String scenario, int partitions) {
        Path dataDir = createTempDirectory("evalboard-" + scenario);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0);
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0);
        FaultLab lab = new FaultLab(scenario, dataDir, kafka, postgres);
        lab.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1), new NewTopic(DEAD_LETTER_TOPIC, 1,
                (short) 1)));
        return lab;
    }

    /**
     * Like {@link #start}, on a broker with SASL/SCRAM logins and ACLs (only its admin may do anything yet), with
     * every topic declared as on Kubernetes: results, dead letters, the change feed and moderation.
     */
    static FaultLab startWithAccessControl(String scenario, int partitions) {
        Path dataDir = createTempDirectory("evalboard-" + scenario);
        EmbeddedKafka kafka = EmbeddedKafka.startWithAccessControl(dataDir.resolve("kafka"), 0);
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0);
        FaultLab lab = new FaultLab(scenario, dataDir, kafka, postgres);
        lab.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1),
                new NewTopic(DEAD_LETTER_TOPIC, 1, (short) 1), new NewTopic(CHANGE_TOPIC, 1, (short) 1),
                new NewTopic(MODERATION_TOPIC, 1, (short) 1)));
        return lab;
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** An admin client of the broker's super user (on a broker with access control, logged in as its admin). */
    Admin admin() {
        return Admin.create(kafka.adminProperties());
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }

    /** How many events with ids {@code prefix-...} are stored. */
    int storedCount(String prefix) throws SQLException {
        try (Connection db = database()) {
            return StoreCheck.storedCount(db, prefix);
        }
    }

    /** Waits until more events {@code prefix-...} are stored than now: a fault tests ingest only while it stores. */
    void awaitStoringMore(String prefix) throws SQLException {
        int before = storedCount(prefix);
        Await.until("ingest to store more than " + before, Duration.ofMinutes(2),
                () -> storedCount(prefix) > before, () -> "still " + before);
    }

    /** Starts an ingest-service instance ({@code name} tells instances apart in the logs) and waits until ready. */
    ServiceProcess startIngest(String name) {
        return startService(name, "ingest-service", Map.of());
    }

    /** An ingest-service instance with settings of its own ({@code EVALBOARD_INGEST_...} variables). */
    ServiceProcess startIngest(String name, Map<String, String> settings) {
        return startService(name, "ingest-service", settings);
    }

    ServiceProcess startQuery() {
        return startQueryOn(postgres);
    }

    /** query-service reading from {@code database}: the primary, or a standby as in the Kubernetes manifests. */
    ServiceProcess startQueryOn(EmbeddedPostgres database) {
        return startService("query-service", "query-service", database, Map.of());
    }

    ServiceProcess startChart(ServiceProcess query) {
        return startService("chart-service", "chart-service", postgres, Map.of("QUERY_SERVICE_URL", query.url()));
    }

    /** Starts a streaming hot standby of the lab's database; the primary restarts once, cleanly, to be copied. */
    EmbeddedPostgres startStandby() {
        standby = postgres.startStandby(dataDir.resolve("standby"), 0);
        return standby;
    }

    /** Starts {@code module} as {@code name} with settings of its own ({@code extraEnv}) and waits until ready. */
    ServiceProcess startService(String name, String module, Map<String, String> extraEnv) {
        return startService(name, module, postgres, extraEnv);
    }

    private ServiceProcess startService(String name, String module, EmbeddedPostgres database,
            Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgres.PASSWORD);
        ServiceProcess service = ServiceProcess.start(name, REPO.resolve(module).resolve("target/quarkus-app"),
                FreePorts.pick(), env, logDir.resolve(name + ".log"));
        services.add(service);
        return service.awaitReady(START_TIMEOUT);
    }

    private void createTopics(List<NewTopic> topics) {
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics of " + scenario, e);
        }
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        if (standby != null) {
            standby.close();
        }
        postgres.close();
        kafka.close();
        deleteRecursively(dataDir);
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
