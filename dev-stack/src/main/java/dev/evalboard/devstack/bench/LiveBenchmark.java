package dev.evalboard.devstack.bench;

import dev.evalboard.devstack.EmbeddedKafka;
import dev.evalboard.devstack.EmbeddedPostgres;
import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.ServiceProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code bench/live.sh}: reads and freshness while writing, on the topology we ship. A store of M models times B
 * benchmarks of current results; ingest-service takes a steady stream of new results; query-service and
 * chart-service run on the primary, then on a streaming hot standby. For each: the B leaderboards at a fixed rate
 * (cached, as deployed), publish-to-visible latency to the database, the leaderboard and the chart, and the
 * leaderboards at a fixed rate with the response cache off. Two peers, each during the same ingest: PostgreSQL
 * itself (pgbench runs the leaderboard's own SQL on the same database at the same rate), and for the cached reads
 * nginx (serving the same answers as static files at the same rate, see {@link NginxPeer}, with the freshness
 * markers going on as during the cached reads, whose freshness is reported too).
 *
 * <p>Arguments: work directory, models (100000), benchmarks (10), ingest events/s (1000), cached reads/s (1000),
 * uncached reads/s (500), seconds per measurement (30).
 */
public final class LiveBenchmark {
    private static final Path REPO = Path.of("").toAbsolutePath();
    /** What query-service's response cache did, and what chart-service's calls to query-service met. */
    private static final Pattern QUERY_COUNTERS = Pattern.compile("^evalboard_query_cache_\\w+_total");
    private static final Pattern CHART_COUNTERS = Pattern.compile(
            "^ft_(invocations|timeout_calls|circuitbreaker_opened|retry_retries)_total");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int models = intArg(args, 1, 100_000);
        int benchmarks = intArg(args, 2, 10);
        int ingestRate = intArg(args, 3, 1000);
        int readRate = intArg(args, 4, 1000);
        int uncachedRate = intArg(args, 5, 500);
        int seconds = intArg(args, 6, 30);
        try (EmbeddedPostgres primary = EmbeddedPostgres.start(work.resolve("primary"), 0);
                EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
            long started = System.nanoTime();
            ResultStoreSchema.migrate(primary.jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
            try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), EmbeddedPostgres.USER,
                    EmbeddedPostgres.PASSWORD); Statement s = c.createStatement()) {
                GeneratedResults.generate(s, models, benchmarks);
            }
            System.out.printf("generated %,d current results in %.0f s; making a streaming standby ...%n",
                    (long) models * benchmarks, (System.nanoTime() - started) / 1e9);
            EmbeddedPostgres standby = primary.startStandby(work.resolve("standby"), 0);
            LiveBenchmark bench = new LiveBenchmark(work, kafka, benchmarks, ingestRate, readRate, uncachedRate,
                    seconds);
            try (ServiceProcess ingest = bench.start("ingest-service", primary, Map.of());
                    SteadyIngestLoad load = new SteadyIngestLoad(kafka.bootstrapServers(), models, benchmarks,
                            ingestRate)) {
                List<String> report = new ArrayList<>();
                for (String topology : List.of("primary", "standby")) {
                    List<String> lines = bench.topology(topology, topology.equals("primary") ? primary : standby,
                            report.size() * 10_000);
                    lines.forEach(System.out::println);
                    report.addAll(lines);
                }
                System.out.printf("%n=== live benchmark: %,d models x %d benchmarks, ingest %d events/s (%,d sent),"
                        + " %d s per measurement ===%n", models, benchmarks, ingestRate, load.sent(), seconds);
                report.forEach(System.out::println);
                System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores");
            } finally {
                standby.close();
            }
        }
    }

    private final Path work;
    private final EmbeddedKafka kafka;
    private final int benchmarks;
    private final int ingestRate;
    private final int readRate;
    private final int uncachedRate;
    private final int seconds;

    private LiveBenchmark(Path work, EmbeddedKafka kafka, int benchmarks, int ingestRate, int readRate,
            int uncachedRate, int seconds) {
        this.work = work;
        this.kafka = kafka;
        this.benchmarks = benchmarks;
        this.ingestRate = ingestRate;
        this.readRate = readRate;
        this.uncachedRate = uncachedRate;
        this.seconds = seconds;
    }

    /** Measures one topology: query-service and chart-service reading from {@code database}. */
    private List<String> topology(String name, EmbeddedPostgres database, int firstMarker) throws Exception {
        List<String> lines = new ArrayList<>();
        System.out.println(name + ": starting query-service and chart-service ...");
        try (ServiceProcess query = start("query-service-" + name, database, Map.of());
                ServiceProcess chart = start("chart-service-" + name, database, Map.of(
                        "QUERY_SERVICE_URL", query.url()))) {
            List<URI> boards = leaderboards(query);
            // As long as a measurement: after 15 s the cached reads still had p50 0.65-1.7 s, and 45 s later (nginx's
            // phase in between) 2 ms, the same code on the same machine.
            System.out.println(name + ": warming up for " + seconds + " s ...");
            FixedRateLoad.measure(boards, readRate, seconds, 8);
            // First the peer, nginx serving the same answers at the same rate while the markers go on, so the
            // services do what they do during the cached reads except serve them (no warm-up: nginx has no JIT to
            // settle). Before the cached reads, not after pgbench, whose load on the database leaves ingest a
            // backlog to catch up with.
            String backlogBeforeNginx = IngestBacklog.awaitCaughtUp(kafka.bootstrapServers(), ingestRate,
                    Duration.ofSeconds(120));
            System.out.println(name + ": nginx serving the same answers at " + readRate
                    + " req/s, with freshness markers ...");
            FreshnessProbe probeBesideNginx = new FreshnessProbe(kafka.bootstrapServers(), database, query.url(),
                    chart.url(), benchmarks);
            FixedRateLoad.Figures floor;
            try (NginxPeer nginx = NginxPeer.start(work.resolve("nginx-" + name), boards)) {
                floor = withMarkers(probeBesideNginx, firstMarker,
                        () -> FixedRateLoad.measure(nginx.uris(), readRate, seconds, 8));
            }
            FreshnessProbe probe = new FreshnessProbe(kafka.bootstrapServers(), database, query.url(), chart.url(),
                    benchmarks);
            String backlogBeforeCached = IngestBacklog.awaitCaughtUp(kafka.bootstrapServers(), ingestRate,
                    Duration.ofSeconds(120));
            MetricCounts queryBefore = MetricCounts.read(query.managementUrl(), QUERY_COUNTERS);
            MetricCounts chartBefore = MetricCounts.read(chart.managementUrl(), CHART_COUNTERS);
            System.out.println(name + ": " + benchmarks + " leaderboards at " + readRate + " req/s for " + seconds
                    + " s, with freshness markers ...");
            // Later markers must sort first (FreshnessProbe): they are ranked above the earlier ones at the same score.
            FixedRateLoad.Figures cached = withMarkers(probe, firstMarker + 5_000,
                    () -> FixedRateLoad.measure(boards, readRate, seconds, 8));
            String queryCounts = MetricCounts.read(query.managementUrl(), QUERY_COUNTERS).since(queryBefore);
            String chartCounts = MetricCounts.read(chart.managementUrl(), CHART_COUNTERS).since(chartBefore);
            System.out.println(name + ": pgbench, the same SQL at " + readRate + "/s ...");
            PgbenchPeer.Figures peer = PgbenchPeer.run(work.resolve("pgbench-" + name), database, benchmarks, readRate,
                    seconds);
            lines.add("");
            lines.add("[" + name + "] before nginx: " + backlogBeforeNginx + "; before the cached reads: "
                    + backlogBeforeCached);
            lines.add("[" + name + "] leaderboards, cached   " + cached);
            lines.add("[" + name + "] nginx, same answers    " + floor);
            lines.add(String.format(Locale.ROOT, "[%s] p99 ratio service/nginx %.2f", name,
                    cached.p99() / floor.p99()));
            lines.add("[" + name + "] pgbench, same SQL      " + peer);
            lines.add(String.format(Locale.ROOT, "[%s] p99 ratio service/pgbench %.2f   target p99 <= 10 ms: %s",
                    name, cached.p99() / peer.p99(), cached.p99() <= 10 && cached.errors() == 0 ? "met" : "NOT met"));
            lines.add("[" + name + "] meanwhile in query-service: " + queryCounts);
            lines.add("[" + name + "] meanwhile in chart-service: " + chartCounts);
            lines.add("[" + name + "] freshness " + probe.report(probe.toDatabase()));
            lines.add("[" + name + "] freshness " + probe.report(probe.toBoard()));
            lines.add("[" + name + "] freshness " + probe.report(probe.toChart()));
            lines.add(String.format(Locale.ROOT, "[%s] targets publish->board p99 <= 500 ms: %s, publish->chart p99"
                    + " <= 1000 ms: %s", name, met(probe, probe.toBoard().latencies(), 500),
                    met(probe, probe.toChart().latencies(), 1000)));
            lines.add("[" + name + "] freshness while nginx served the reads: "
                    + probeBesideNginx.report(probeBesideNginx.toDatabase()).strip() + "; "
                    + probeBesideNginx.report(probeBesideNginx.toBoard()).strip());
        }
        System.out.println(name + ": query-service with the response cache off ...");
        try (ServiceProcess uncachedQuery = start("query-service-uncached-" + name, database, Map.of(
                "EVALBOARD_QUERY_CACHE_ENABLED", "false"))) {
            List<URI> boards = leaderboards(uncachedQuery);
            FixedRateLoad.measure(boards, uncachedRate, seconds / 2, 8);
            FixedRateLoad.Figures uncached = FixedRateLoad.measure(boards, uncachedRate, seconds, 8);
            lines.add("[" + name + "] leaderboards, uncached " + uncached);
            lines.add(String.format(Locale.ROOT, "[%s] target uncached p99 <= 10 ms at %d req/s: %s", name,
                    uncachedRate, uncached.p99() <= 10 && uncached.errors() == 0 ? "met" : "NOT met"));
        }
        return lines;
    }

    /** Runs {@code load} while {@code probe} publishes markers for as long, and returns what the load measured. */
    private FixedRateLoad.Figures withMarkers(FreshnessProbe probe, int firstMarker,
            Callable<FixedRateLoad.Figures> load) throws Exception {
        Thread markers = new Thread(() -> {
            try {
                probe.run(Duration.ofSeconds(seconds), Duration.ofMillis(300), firstMarker);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "freshness-probe");
        markers.start();
        FixedRateLoad.Figures figures = load.call();
        markers.join();
        return figures;
    }

    private static String met(FreshnessProbe probe, List<Double> latencies, double targetMillis) {
        List<Double> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        boolean all = sorted.size() == probe.markers();
        return all && !sorted.isEmpty() && FreshnessProbe.pct(sorted, 0.99) <= targetMillis ? "met" : "NOT met";
    }

    private List<URI> leaderboards(ServiceProcess query) {
        List<URI> boards = new ArrayList<>();
        for (int b = 1; b <= benchmarks; b++) {
            boards.add(URI.create(query.url() + String.format("/api/v1/leaderboards/bench-%02d?limit=50", b)));
        }
        return boards;
    }

    private ServiceProcess start(String name, EmbeddedPostgres database, Map<String, String> settings) {
        String module = name.substring(0, name.indexOf("-service") + "-service".length());
        Map<String, String> env = new HashMap<>(settings);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgres.PASSWORD);
        try {
            Files.createDirectories(work.resolve("logs"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ServiceProcess.start(name, REPO.resolve(module).resolve("target/quarkus-app"), FreePorts.pick(), env,
                work.resolve("logs").resolve(name + ".log")).awaitReady(Duration.ofSeconds(120));
    }

    private static int intArg(String[] args, int index, int absent) {
        return args.length > index && !args[index].isEmpty() ? Integer.parseInt(args[index]) : absent;
    }
}
