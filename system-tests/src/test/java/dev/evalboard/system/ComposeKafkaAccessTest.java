package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evalboard.devstack.FreePorts;
import dev.evalboard.devstack.KafkaAcl;
import dev.evalboard.system.k8s.Manifests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose's broker settings work: the KAFKA_* variables of its kafka service, turned into server properties
 * by the apache/kafka image's rule, start a real broker (here in-process, on free local ports); set up as compose's
 * kafka-setup does (admin over PLAIN inside the network: SCRAM users, ACLs of deploy/kafka/acls), the publisher's
 * SCRAM login writes results from outside and is refused on eval.moderation, and the admin cannot log in from
 * outside. (No Docker engine here: the image's scripts themselves are not run.)
 */
class ComposeKafkaAccessTest {
    private static final Path REPO = Manifests.REPO;

    @TempDir
    Path dir;

    @Test
    void composesBrokerTakesItsUsersAndRefusesWhatTheAclsDoNotAllow() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
        int internal = FreePorts.pick();
        int controller = FreePorts.pick();
        int external = FreePorts.pick();
        Properties props = serverProperties(compose.at("/services/kafka/environment"));
        props.put("listeners", "INTERNAL://localhost:" + internal + ",CONTROLLER://localhost:" + controller
                + ",EXTERNAL://localhost:" + external);
        props.put("advertised.listeners", "INTERNAL://localhost:" + internal + ",EXTERNAL://localhost:" + external);
        props.put("controller.quorum.voters", "1@localhost:" + controller);
        props.put("log.dirs", dir.resolve("log").toString());
        KafkaRaftServer server = start(props);
        try {
            Map<String, Object> admin = new HashMap<>(adminLogin());
            admin.put("bootstrap.servers", "localhost:" + internal);
            setUp(admin, compose.at("/services/kafka-setup/environment/EVALBOARD_KAFKA_LOGINS").asText());

            Map<String, Object> publisher = scram("localhost:" + external, "evalboard-publisher", "publisher-secret");
            send(publisher, "eval.results");
            assertInstanceOf(TopicAuthorizationException.class, refusal(publisher, "eval.moderation"));
            Map<String, Object> adminOutside = new HashMap<>(admin);
            adminOutside.put("bootstrap.servers", "localhost:" + external);
            assertInstanceOf(AuthenticationException.class, refusal(adminOutside, "eval.results"),
                    "the admin's PLAIN login is not taken from outside the compose network");
        } finally {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    /** The image's rule: KAFKA_A_B is a.b, __ is _ and ___ is - (KafkaDockerWrapper). */
    private static Properties serverProperties(JsonNode environment) {
        Properties props = new Properties();
        environment.fields().forEachRemaining(variable -> {
            String name = variable.getKey().replace("KAFKA_", "").toLowerCase(Locale.ROOT).replace("_", ".")
                    .replace("...", "-").replace("..", "_");
            props.put(name, variable.getValue().asText());
        });
        return props;
    }

    private KafkaRaftServer start(Properties props) throws Exception {
        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            props.store(writer, null);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, output.toString(StandardCharsets.UTF_8));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
        return server;
    }

    /** What deploy/kafka/setup does with the Kafka tools, done with the Admin API. */
    private static void setUp(Map<String, Object> admin, String logins) throws Exception {
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic("eval.results", 1, (short) 1),
                    new NewTopic("eval.moderation", 1, (short) 1))).all().get();
            for (String login : logins.strip().split("\\s+")) {
                String[] userAndPassword = login.split("=", 2);
                client.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(userAndPassword[0],
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), userAndPassword[1])))
                        .all().get();
            }
            client.createAcls(KafkaAcl.read(REPO.resolve(KafkaAcl.FILE)).stream().map(KafkaAcl::binding).toList())
                    .all().get();
        }
    }

    private static Map<String, String> adminLogin() throws Exception {
        Properties login = new Properties();
        try (Reader reader = Files.newBufferedReader(REPO.resolve("deploy/kafka/admin.properties"))) {
            login.load(reader);
        }
        Map<String, String> settings = new HashMap<>();
        login.stringPropertyNames().forEach(name -> settings.put(name, login.getProperty(name)));
        return settings;
    }

    private static Map<String, Object> scram(String servers, String user, String password) {
        return Map.of("bootstrap.servers", servers, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";");
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>(client);
        props.put("max.block.ms", 10_000);
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static Throwable refusal(Map<String, Object> client, String topic) {
        Throwable refused = assertThrows(Exception.class, () -> send(client, topic), "writing " + topic);
        return refused instanceof ExecutionException ? refused.getCause() : refused;
    }
}
