package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.EmbeddedKafka;
import dev.evalboard.devstack.KafkaAcl;
import dev.evalboard.devstack.ServiceProcess;
import dev.evalboard.devstack.publish.Publisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 13: who may write. The broker asks every client for a SASL/SCRAM-SHA-512 login and allows exactly the
 * ACLs of deploy/kafka/acls (those compose applies, and k8s and the contract state). Each service runs as its own
 * user, with the login in the KAFKA_* variables the Deployments set. A publisher publishes with
 * {@code ./evalboard publish --kafka-config}; its write to {@code eval.moderation} is refused, the moderator's is
 * taken (and the moderator may not publish results), a read service's user may not read results; ingest goes on
 * storing after the refusals, and query-service and chart-service follow the change feed as their own users.
 */
class KafkaAccessControlTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String BENCHMARK = "Access Bench";
    private static final int EVENTS = 20;

    @TempDir
    Path dir;

    private final Map<String, String> passwords = new HashMap<>();

    @Test
    void aPublisherCannotModerateAndEveryServiceWorksAsItsOwnUser() throws Exception {
        List<KafkaAcl> acls = KafkaAcl.read(REPO.resolve(KafkaAcl.FILE));
        try (FaultLab lab = FaultLab.startWithAccessControl("kafka-access-control", 3)) {
            for (String user : KafkaAcl.users(acls)) {
                passwords.put(user, UUID.randomUUID().toString());
                lab.kafka().addScramUser(user, passwords.get(user));
            }
            try (Admin admin = lab.admin()) {
                admin.createAcls(acls.stream().map(KafkaAcl::binding).toList()).all().get();
            }
            Map<String, String> ingestEnv = new HashMap<>(login("evalboard-ingest"));
            // As on Kubernetes: the topics are declared, and ingest's user may not create any.
            ingestEnv.put("EVALBOARD_INGEST_TOPICS_CREATE", "false");
            lab.startIngest("ingest", ingestEnv);
            ServiceProcess query = lab.startService("query-service", "query-service", login("evalboard-query"));
            Map<String, String> chartEnv = new HashMap<>(login("evalboard-chart"));
            chartEnv.put("QUERY_SERVICE_URL", query.url());
            ServiceProcess chart = lab.startService("chart-service", "chart-service", chartEnv);

            Path publisherConfig = clientConfig(lab, "evalboard-publisher");
            assertEquals(0, publish(lab, publisherConfig, "before"), "the publisher publishes results");
            Await.until(EVENTS + " results stored", Duration.ofMinutes(1),
                    () -> lab.storedCount("before") == EVENTS, () -> "fewer stored");

            Map<String, Object> publisher = lab.kafka().clientProperties("evalboard-publisher",
                    passwords.get("evalboard-publisher"));
            Map<String, Object> moderator = lab.kafka().clientProperties("evalboard-moderator",
                    passwords.get("evalboard-moderator"));
            assertInstanceOf(TopicAuthorizationException.class, sendFailure(publisher, FaultLab.MODERATION_TOPIC),
                    "a publisher may not moderate");
            send(moderator, FaultLab.MODERATION_TOPIC);
            assertInstanceOf(TopicAuthorizationException.class, sendFailure(moderator, FaultLab.TOPIC),
                    "a moderator may not publish results");
            assertThrows(TopicAuthorizationException.class, () -> readResults(lab, "evalboard-query"),
                    "query-service's user may not read results");

            assertEquals(0, publish(lab, publisherConfig, "after"), "the publisher publishes after the refusals");
            Await.until("ingest to store the results published after the refusals", Duration.ofMinutes(1),
                    () -> lab.storedCount("after") == EVENTS, () -> "fewer stored");

            long queryHeard = awaitChange(query.url() + "/api/v1/changes", lab, "query");
            long chartHeard = awaitChange(chart.url() + "/changes", lab, "chart");
            ReliabilityReport.record("13. who may write: SASL/SCRAM logins and the ACLs of deploy/kafka/acls",
                    String.format("%d users, %d ACLs; %d + %d results published with --kafka-config and stored; the "
                            + "publisher's write to eval.moderation refused (TopicAuthorizationException), the "
                            + "moderator's taken, its write to eval.results refused, query's user cannot read "
                            + "eval.results; change heard through query-service in %d ms, chart-service in %d ms",
                            passwords.size(), acls.size(), EVENTS, EVENTS, queryHeard, chartHeard));
        }
    }

    /** The service's login as its Deployment passes it: KAFKA_SECURITY_PROTOCOL, _SASL_MECHANISM, _SASL_JAAS_CONFIG. */
    private Map<String, String> login(String user) {
        Map<String, String> env = new HashMap<>();
        EmbeddedKafka.scramLogin(user, passwords.get(user)).forEach((name, value) ->
                env.put("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    /** A Kafka client properties file with the broker and {@code user}'s login, as a publisher would write it. */
    private Path clientConfig(FaultLab lab, String user) throws Exception {
        Properties properties = new Properties();
        lab.kafka().clientProperties(user, passwords.get(user))
                .forEach((name, value) -> properties.setProperty(name, value.toString()));
        Path file = dir.resolve(user + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }

    /** {@code ./evalboard publish --kafka-config config} of {@value #EVENTS} events with ids {@code prefix-N}. */
    private int publish(FaultLab lab, Path config, String prefix) throws Exception {
        Path events = dir.resolve(prefix + ".jsonl");
        Files.write(events, IntStream.range(0, EVENTS).mapToObj(i -> event(prefix + "-" + i, prefix + "-model-" + i))
                .toList());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
        // Only the file says where the broker is and who logs in: the environment's broker would be refused.
        int exit = Publisher.publish(new String[] {"--kafka-config", config.toString(), events.toString()},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1"), stream, stream);
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("sent " + EVENTS + " of " + EVENTS),
                output.toString(StandardCharsets.UTF_8));
        return exit;
    }

    private static String event(String eventId, String model) {
        return "{\"eventId\":\"" + eventId + "\",\"model\":{\"name\":\"" + model + "\"},\"benchmark\":\"" + BENCHMARK
                + "\",\"score\":50}";
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        try (var producer = new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** What the broker answered to a write that must fail. */
    private static Throwable sendFailure(Map<String, Object> client, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put("max.block.ms", 10_000);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(props, topic),
                "the write to " + topic + " is refused");
        return refused.getCause();
    }

    private void readResults(FaultLab lab, String user) {
        Map<String, Object> props = new HashMap<>(lab.kafka().clientProperties(user, passwords.get(user)));
        props.put("group.id", "query-service-" + UUID.randomUUID());
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(FaultLab.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }

    /**
     * Publishes results of a benchmark of the reader's own until the read service's stream, narrowed to it, tells of
     * one (the service reads the feed from its end once its consumer has joined); returns how long that one took, ms.
     */
    private long awaitChange(String stream, FaultLab lab, String reader) throws Exception {
        String benchmark = "Feed " + reader;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (SseClient sse = SseClient.open(stream + "?benchmark=" + URLEncoder.encode(benchmark,
                StandardCharsets.UTF_8).replace("+", "%20"), null);
                var producer = new KafkaProducer<>(lab.kafka().clientProperties("evalboard-publisher",
                        passwords.get("evalboard-publisher")), new ByteArraySerializer(), new ByteArraySerializer())) {
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(FaultLab.TOPIC, event("feed-" + UUID.randomUUID(), "m")
                        .replace(BENCHMARK, benchmark).getBytes(StandardCharsets.UTF_8))).get();
                long roundEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < roundEnd) {
                    SseClient.Event event = sse.next(Duration.ofMillis(500));
                    if (event != null && event.name().equals("changed")) {
                        return (System.nanoTime() - sent) / 1_000_000;
                    }
                }
            }
        }
        throw new AssertionError(reader + " heard no change in a minute: does its user read the change feed?");
    }
}
