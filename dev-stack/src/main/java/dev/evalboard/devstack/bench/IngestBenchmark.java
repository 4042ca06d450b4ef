package dev.evalboard.devstack.bench;

import dev.evalboard.contract.EventRules;
import dev.evalboard.devstack.EmbeddedKafka;
import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.ServiceProcess;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.postgresql.PGConnection;

/**
 * Ingest throughput against its physical limit, in one run on one machine: N events are published to a fresh
 * embedded broker, then the real ingest-service (a separate process) consumes them into a fresh database and we time
 * first committed batch to last committed row; then the same final rows are loaded into the same schema of a second
 * database with PostgreSQL COPY. Prints both rates and the ratio.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path repo = Path.of(System.getProperty("evalboard.repo", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("evalboard-bench");
        BenchEvents data = new BenchEvents(events, 10);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
                EmbeddedPostgres postgres = EmbeddedPostgres.start(work.resolve("pg"), 0)) {
            // Both sides commit durably: an ingest rate bought with unflushed commits would not be worth measuring.
            System.out.printf("PostgreSQL durability, for ingest and COPY alike: %s%n",
                    postgres.settings(List.copyOf(EmbeddedPostgres.DURABILITY.keySet())));
            System.out.printf("publishing %,d events to the embedded broker ...%n", events);
            publish(kafka.bootstrapServers(), data);

            createDatabase(postgres, "via_ingest");
            double ingestRate = timeIngest(repo, work, kafka, postgres, events);
            System.out.printf("ingest-service: %,d events in the tables, %,.0f events/s%n", events, ingestRate);

            createDatabase(postgres, "via_copy");
            double copyRate = timeCopy(postgres, data);
            System.out.printf("COPY:           %,d events' rows loaded, %,.0f events/s%n", events, copyRate);

            System.out.printf("%nresult  events=%d  ingest=%.0f/s  copy=%.0f/s  ratio=%.2f  cores=%d%n", events,
                    ingestRate, copyRate, ingestRate / copyRate, Runtime.getRuntime().availableProcessors());
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void publish(String bootstrap, BenchEvents data) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("eval.results", 3, (short) 1),
                    new NewTopic("eval.results.dlq", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4", "acks", "1"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < data.count(); i++) {
                producer.send(new ProducerRecord<>("eval.results", data.modelName(i).getBytes(StandardCharsets.UTF_8),
                        data.json(i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static double timeIngest(Path repo, Path work, EmbeddedKafka kafka, EmbeddedPostgres postgres,
            int events) throws Exception {
        String jdbcUrl = jdbcUrl(postgres, "via_ingest");
        try (ServiceProcess ingest = ServiceProcess.start("ingest-service",
                repo.resolve("ingest-service/target/quarkus-app"), FreePorts.pick(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                        "QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgres.PASSWORD),
                work.resolve("ingest-service.log"))) {
            HttpClient http = HttpClient.newHttpClient();
            ingest.awaitReady(Duration.ofSeconds(120));
            HttpRequest metrics = HttpRequest.newBuilder(URI.create(ingest.managementUrl() + "/q/metrics")).build();
            long firstSeen = 0;
            long countAtFirst = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            List<long[]> timeline = new java.util.ArrayList<>();
            while (System.nanoTime() < deadline) {
                long stored = acceptedEvents(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
                if (firstSeen == 0 && stored > 0) {
                    firstSeen = System.nanoTime();
                    countAtFirst = stored;
                }
                if (firstSeen != 0) {
                    timeline.add(new long[] {System.nanoTime() - firstSeen, stored});
                }
                if (stored >= events) {
                    double rate = (events - countAtFirst) / ((System.nanoTime() - firstSeen) / 1e9);
                    String text = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
                    double batches = metric(text, "evalboard_ingest_batch_size_count");
                    System.out.printf("ingest-service: %.0f records per batch on average; per batch: parse %.0f ms,"
                            + " store %.0f ms, dead letters %.0f ms%n",
                            metric(text, "evalboard_ingest_batch_size_sum") / batches,
                            phaseMillis(text, "parse") / batches, phaseMillis(text, "store") / batches,
                            phaseMillis(text, "dead-letter") / batches);
                    System.out.printf("ingest-service: store steps per batch: %s%n", storeSteps(text, batches));
                    long lastT = 0, lastN = countAtFirst;
                    for (long[] p : timeline) {
                        if (p[0] - lastT >= 5_000_000_000L) {
                            System.out.printf("  t=%5.1f s stored %,d  window %,.0f/s%n", p[0] / 1e9, p[1], (p[1] - lastN) / ((p[0] - lastT) / 1e9));
                            lastT = p[0]; lastN = p[1];
                        }
                    }
                    return rate;
                }
                if (!ingest.isAlive()) {
                    throw new IllegalStateException("ingest-service exited; see " + ingest.log());
                }
                // Each scrape renders every Kafka client metric: at 100 a second (this loop's old pace), a JFR
                // profile put a quarter of ingest's CPU in the scrapes, at 10 a second still 7%. Four a second
                // leave it at about 3%; the rate moves by under 1%, and the late sightings at both ends cancel.
                Thread.sleep(250);
            }
            throw new IllegalStateException("ingest did not finish in 30 minutes");
        }
    }

    /** The service's own count of committed new events, read from its Prometheus metrics. */
    private static long acceptedEvents(String prometheusText) {
        return (long) metric(prometheusText, "evalboard_ingest_events_total{outcome=\"accepted\"}");
    }

    private static double phaseMillis(String prometheusText, String phase) {
        return 1000 * metric(prometheusText, "evalboard_ingest_batch_phase_seconds_sum{phase=\"" + phase + "\"}");
    }

    /** The service's timer of each step of a batch's transaction, as "step ms, ..." averaged over the batches. */
    private static String storeSteps(String prometheusText, double batches) {
        String prefix = "evalboard_ingest_store_step_seconds_sum{step=\"";
        return prometheusText.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length(), line.indexOf('"', prefix.length())) + " "
                        + Math.round(1000 * Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / batches)
                        + " ms")
                .collect(Collectors.joining(", "));
    }

    private static double metric(String prometheusText, String series) {
        return prometheusText.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** The physical limit: the same final rows (models, benchmarks, history, current) loaded with COPY. */
    private static double timeCopy(EmbeddedPostgres postgres, BenchEvents data) throws Exception {
        ResultStoreSchema.migrate(jdbcUrl(postgres, "via_copy"), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
        try (Connection c = DriverManager.getConnection(jdbcUrl(postgres, "via_copy"), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD)) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder benchmarks = new StringBuilder();
            for (int b = 0; b < data.benchmarks(); b++) {
                benchmarks.append(data.benchmarkName(b)).append('\t').append(EventRules.DEFAULT_METRIC).append('\n');
            }
            StringBuilder models = new StringBuilder();
            for (int i = 0; i < data.count(); i += data.benchmarks()) {
                models.append(data.modelName(i)).append('\t').append(data.parameters(i)).append('\t')
                        .append(data.openness(i)).append('\n');
            }
            StringBuilder results = new StringBuilder();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < data.count(); i++) {
                long modelId = i / data.benchmarks() + 1;
                int benchmarkId = i % data.benchmarks() + 1;
                results.append(data.eventId(i)).append('\t').append(modelId).append('\t').append(benchmarkId)
                        .append('\t').append(data.score(i)).append("\t64\t").append(data.evaluatedAt(i))
                        .append("\tevalboard benchmark\n");
                current.append(benchmarkId).append('\t').append(modelId).append('\t').append(data.eventId(i))
                        .append('\t').append(data.score(i)).append("\t64\t").append(data.evaluatedAt(i)).append('\n');
            }
            // The rows are built before the clock starts: only PostgreSQL's loading is timed.
            long start = System.nanoTime();
            copy.copyIn("COPY benchmark (name, metric) FROM STDIN", new StringReader(benchmarks.toString()));
            copy.copyIn("COPY model (name, parameters, openness) FROM STDIN", new StringReader(models.toString()));
            copy.copyIn("COPY result (event_id, model_id, benchmark_id, score, samples, evaluated_at, source)"
                    + " FROM STDIN", new StringReader(results.toString()));
            copy.copyIn("COPY current_result (benchmark_id, model_id, event_id, score, samples, evaluated_at)"
                    + " FROM STDIN", new StringReader(current.toString()));
            c.commit();
            return data.count() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private static String jdbcUrl(EmbeddedPostgres postgres, String database) {
        return postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + database;
    }
}
