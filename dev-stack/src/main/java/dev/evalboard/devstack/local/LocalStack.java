package dev.evalboard.devstack.local;

import dev.evalboard.devstack.EmbeddedKafka;
import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.SeedData;
import dev.evalboard.devstack.ServiceProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./evalboard up}: the whole of Evalboard on one machine. Starts the embedded Kafka broker and PostgreSQL
 * (unless external ones are configured), the three services, publishes the reference events, waits until they are
 * stored, prints where everything is, and stops everything it started on Ctrl-C.
 */
public final class LocalStack {
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);
    /** Each service's management interface (metrics, OpenAPI, Swagger UI) is on its API port + 1000. */
    private static final int MANAGEMENT_PORT_OFFSET = 1000;

    private final LocalStackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        Path repo = Path.of(System.getProperty("evalboard.repo", ".")).toAbsolutePath().normalize();
        LocalStack stack;
        try {
            stack = new LocalStack(LocalStackSettings.from(System.getenv(), repo));
        } catch (StartupProblem e) {
            System.err.println("evalboard: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stopAll();
            stopped.countDown();
        }, "evalboard-stop"));
        try {
            stack.startAll();
        } catch (StartupProblem e) {
            System.err.println("evalboard: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("evalboard: start-up failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void startAll() {
        LocalStackSettings s = settings;
        checkPorts();
        String kafka = s.externalKafka() != null ? s.externalKafka()
                : timed("Kafka broker (KRaft) on port " + s.kafkaPort(), () -> keep(EmbeddedKafka.start(
                        s.dataDir().resolve("kafka"), s.kafkaPort())).bootstrapServers());
        String jdbcUrl = s.externalJdbcUrl() != null ? s.externalJdbcUrl()
                : timed("PostgreSQL 17 on port " + s.postgresPort(), () -> keep(EmbeddedPostgres.start(
                        s.dataDir().resolve("postgres"), s.postgresPort())).jdbcUrl());
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", s.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", s.dbPassword(),
                "QUERY_SERVICE_URL", "http://localhost:" + s.queryPort());
        startService("ingest-service", s.ingestPort(), env);
        startService("query-service", s.queryPort(), env);
        startService("chart-service", s.chartPort(), env);
        timed("demo data (" + SeedData.lines().size() + " reference events)", () -> {
            publishSeed(kafka);
            awaitSeedStored(jdbcUrl);
            return null;
        });
        printUrls(kafka);
    }

    private void checkPorts() {
        LocalStackSettings s = settings;
        if (s.externalKafka() == null) {
            Ports.requireFree(s.kafkaPort(), "Kafka", LocalStackSettings.KAFKA_PORT);
        }
        if (s.externalJdbcUrl() == null) {
            Ports.requireFree(s.postgresPort(), "PostgreSQL", LocalStackSettings.POSTGRES_PORT);
        }
        requireFree(s.ingestPort(), "ingest-service", LocalStackSettings.INGEST_PORT);
        requireFree(s.queryPort(), "query-service", LocalStackSettings.QUERY_PORT);
        requireFree(s.chartPort(), "chart-service", LocalStackSettings.CHART_PORT);
    }

    private static void requireFree(int port, String service, String setting) {
        Ports.requireFree(port, service, setting);
        Ports.requireFree(port + MANAGEMENT_PORT_OFFSET, service + " management, its port + "
                + MANAGEMENT_PORT_OFFSET, setting);
    }

    private void startService(String name, int port, Map<String, String> env) {
        Path app = settings.repoDir().resolve(name).resolve("target/quarkus-app");
        Path log = settings.dataDir().resolve("logs").resolve(name + ".log");
        timed(name + " on port " + port, () -> keep(ServiceProcess.start(name, app, port,
                port + MANAGEMENT_PORT_OFFSET, env, log)).awaitReady(SERVICE_START_TIMEOUT));
    }

    private static void publishSeed(String bootstrap) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String line : SeedData.lines()) {
                producer.send(new ProducerRecord<>("eval.results", line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private void awaitSeedStored(String jdbcUrl) {
        int expected = SeedData.lines().size();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (storedSeedEvents(jdbcUrl) >= expected) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("the demo data was not stored within 60 s; see "
                + settings.dataDir().resolve("logs/ingest-service.log"));
    }

    private long storedSeedEvents(String jdbcUrl) {
        List<String> ids = SeedData.lines().stream()
                .map(line -> line.replaceAll(".*\"eventId\":\\s*\"([^\"]+)\".*", "$1")).toList();
        try (Connection c = DriverManager.getConnection(jdbcUrl, settings.dbUser(), settings.dbPassword());
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM result WHERE event_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return 0; // the schema may not be migrated yet
        }
    }

    private void printUrls(String kafka) {
        String query = "http://localhost:" + settings.queryPort();
        String queryManagement = "http://localhost:" + (settings.queryPort() + MANAGEMENT_PORT_OFFSET);
        String chart = "http://localhost:" + settings.chartPort();
        String bars = "benchmark=AIME%202024&benchmark=MATH-500&benchmark=GPQA%20Diamond&benchmark=LiveCodeBench"
                + "&model=AM-Distill-Qwen-32B&model=DeepSeek-R1-Distill-Qwen-32B&model=AM-Distill-Qwen-72B"
                + "&model=DeepSeek-R1-Distill-Llama-70B&highlight=AM-Distill-Qwen-32B&highlight=AM-Distill-Qwen-72B"
                + "&yMin=30&yMax=100";
        String lcb = encode("LiveCodeBench v5");
        System.out.printf("""

                Evalboard is running. Ctrl-C stops everything.
                  Dashboard           %s/
                  Kafka bootstrap     %s   (topic eval.results)
                  Swagger UI          %s/q/swagger-ui   (metrics: /q/metrics on each service's port + 1000)
                  Leaderboard         %s/api/v1/leaderboards/%s
                  Table               %s/api/v1/leaderboard?%s
                  Pareto set          %s/api/v1/pareto?benchmark=%s&x=parameters
                  Bar chart           %s/charts/bar.svg?%s
                  Scatter chart       %s/charts/scatter.svg?benchmark=%s&x=parameters&logX=true&frontier=true&highlight=DASD-4B-Thinking&highlightLabel=Our%%20Model
                  Data folder         %s   (./evalboard reset empties it)
                %n""", chart, kafka, queryManagement, query, encode("AIME 2024"), query, bars.substring(0, bars.indexOf("&model")),
                query, lcb, chart, bars, chart, lcb, settings.dataDir());
    }

    private <T> T timed(String what, Supplier<T> step) {
        System.out.printf("  starting %-45s", what + " ...");
        System.out.flush();
        long start = System.nanoTime();
        T result = step.get();
        System.out.printf(" ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return result;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    /** Stops what was started, newest first: services before the servers they use. */
    private void stopAll() {
        synchronized (started) {
            if (!started.isEmpty()) {
                System.out.println("\nstopping Evalboard ...");
            }
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    System.err.println("evalboard: while stopping: " + e);
                }
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
