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
    /** How often the rate is printed while ingest runs, so that a reader sees whether it had settled. */
    private static final Duration WINDOW = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path repo = Path.of(System.getProperty("evalboard.repo", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("evalboard-bench");
        // The service's JIT takes 20-30 s to settle on two cores: a cold start would bill it to ingest's rate.
        String stated = System.getProperty("evalboard.bench.warm-up", "");
        int warmUp;
        try {
            warmUp = stated.isBlank() ? events / 2 : Integer.parseInt(stated.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("WARMUP must be a number of events, not " + stated);
        }
        if (events < 2 || warmUp < 1) {
            throw new IllegalArgumentException("the events must be 2 or more and the warm-up events (WARMUP, by"
                    + " default half the events) 1 or more: " + events + ", " + warmUp);
        }
        BenchEvents warmUpData = new BenchEvents("warm-up-", warmUp, 10);
        BenchEvents data = new BenchEvents("", events, 10);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
                EmbeddedPostgres postgres = EmbeddedPostgres.start(work.resolve("pg"), 0)) {
            // Both sides commit durably: an ingest rate bought with unflushed commits would not be worth measuring.
            System.out.printf("PostgreSQL durability, for ingest and COPY alike: %s%n",
                    postgres.settings(List.copyOf(EmbeddedPostgres.DURABILITY.keySet())));
            System.out.printf("publishing %,d warm-up events, then the %,d measured ones, to the embedded broker ...%n",
                    warmUp, events);
            publish(kafka.bootstrapServers(), warmUpData, data);

            createDatabase(postgres, "via_ingest");
            checkpoint(postgres);
            IngestRates ingest = timeIngest(repo, work, kafka, postgres, warmUp, events);
            System.out.printf("ingest-service: %,d warm-up events at %,.0f events/s from a cold start, then the %,d"
                    + " measured ones at %,.0f events/s%n", warmUp, ingest.cold(), events, ingest.steady());

            createDatabase(postgres, "via_copy");
            // Ingest left a few hundred MB of WAL: flushed now, its checkpoint does not run during COPY's clock.
            checkpoint(postgres);
            double copyRate = timeCopy(postgres, data);
            System.out.printf("COPY:           %,d events' rows loaded, %,.0f events/s%n", events, copyRate);

            System.out.printf("%nresult  events=%d  ingest=%.0f/s  copy=%.0f/s  ratio=%.2f  cores=%d"
                    + "  (cold start: %d events at %.0f/s, ratio %.2f)%n", events, ingest.steady(), copyRate,
                    ingest.steady() / copyRate, Runtime.getRuntime().availableProcessors(), warmUp, ingest.cold(),
                    ingest.cold() / copyRate);
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

    /** Publishes the sets in order: in each partition every warm-up event comes before the measured ones. */
    private static void publish(String bootstrap, BenchEvents... sets) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("eval.results", 3, (short) 1),
                    new NewTopic("eval.results.dlq", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4", "acks", "1"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (BenchEvents data : sets) {
                for (int i = 0; i < data.count(); i++) {
                    producer.send(new ProducerRecord<>("eval.results",
                            data.modelName(i).getBytes(StandardCharsets.UTF_8),
                            data.json(i).getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
    }

    /** Ingest's rate over the warm-up events (a cold JVM) and over the measured ones that follow them. */
    private record IngestRates(double cold, double steady) {
    }

    /**
     * Times ingest of the published events: the warm-up ones from the first committed batch, the measured ones from
     * the moment the warm-up count is stored. Partitions cross that line a batch apart, so a few warm-up events are
     * timed with the measured ones and as many measured ones with the warm-up: the count stays exact.
     */
    private static IngestRates timeIngest(Path repo, Path work, EmbeddedKafka kafka, EmbeddedPostgres postgres,
            int warmUp, int events) throws Exception {
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
            long warmedAt = 0;
            long countAtWarm = 0;
            String metricsWhenWarm = "";
            long windowStart = 0;
            long countAtWindow = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < deadline) {
                String text = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
                long stored = acceptedEvents(text);
                long now = System.nanoTime();
                if (firstSeen == 0 && stored > 0) {
                    firstSeen = now;
                    countAtFirst = stored;
                    windowStart = now;
                    countAtWindow = stored;
                }
                if (firstSeen != 0 && now - windowStart >= WINDOW.toNanos()) {
                    System.out.printf("  %5.1f s: %,9d events stored, %,7.0f events/s over the last %d s%n",
                            (now - firstSeen) / 1e9, stored, (stored - countAtWindow) / ((now - windowStart) / 1e9),
                            WINDOW.toSeconds());
                    windowStart = now;
                    countAtWindow = stored;
                }
                if (warmedAt == 0 && stored >= warmUp) {
                    warmedAt = now;
                    countAtWarm = stored;
                    metricsWhenWarm = text;
                }
                if (stored >= warmUp + events) {
                    if (warmedAt == firstSeen || now == warmedAt) {
                        throw new IllegalStateException("the warm-up (" + warmUp + " events) or the measured events ("
                                + events + ") were stored between two looks at the service (250 ms apart), too"
                                + " fast to time: raise WARMUP or the events");
                    }
                    double cold = (countAtWarm - countAtFirst) / ((warmedAt - firstSeen) / 1e9);
                    double steady = (stored - countAtWarm) / ((now - warmedAt) / 1e9);
                    printPhases(metricsWhenWarm, text);
                    return new IngestRates(cold, steady);
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

    /** Where the measured events' batches spent their time: the service's timers, less their warm-up values. */
    private static void printPhases(String before, String after) {
        double batches = metric(after, "evalboard_ingest_batch_size_count")
                - metric(before, "evalboard_ingest_batch_size_count");
        System.out.printf("ingest-service, measured events: %.0f records per batch on average; per batch: parse %.0f"
                + " ms, store %.0f ms, dead letters %.0f ms%n",
                (metric(after, "evalboard_ingest_batch_size_sum") - metric(before, "evalboard_ingest_batch_size_sum"))
                        / batches,
                (phaseMillis(after, "parse") - phaseMillis(before, "parse")) / batches,
                (phaseMillis(after, "store") - phaseMillis(before, "store")) / batches,
                (phaseMillis(after, "dead-letter") - phaseMillis(before, "dead-letter")) / batches);
        System.out.printf("ingest-service, measured events: store steps per batch: %s%n",
                storeSteps(before, after, batches));
    }

    /** The service's own count of committed new events, read from its Prometheus metrics. */
    private static long acceptedEvents(String prometheusText) {
        return (long) metric(prometheusText, "evalboard_ingest_events_total{outcome=\"accepted\"}");
    }

    private static double phaseMillis(String prometheusText, String phase) {
        return 1000 * metric(prometheusText, "evalboard_ingest_batch_phase_seconds_sum{phase=\"" + phase + "\"}");
    }

    /** The service's timer of each step of a batch's transaction, as "step ms, ..." averaged over the batches. */
    private static String storeSteps(String before, String after, double batches) {
        String prefix = "evalboard_ingest_store_step_seconds_sum{step=\"";
        return after.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length(), line.indexOf('"', prefix.length())))
                .map(step -> step + " " + Math.round(1000 * (stepSeconds(after, prefix, step)
                        - stepSeconds(before, prefix, step)) / batches) + " ms")
                .collect(Collectors.joining(", "));
    }

    private static double stepSeconds(String prometheusText, String prefix, String step) {
        return metric(prometheusText, prefix + step + "\"}");
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

    private static void checkpoint(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
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
