package dev.evalboard.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), running in this JVM.
 * Its log directory survives a restart: formatting happens only when the directory is new.
 *
 * <p>{@link #startWithAccessControl} runs it as production does with access control: clients authenticate with
 * SASL/SCRAM-SHA-512 (over plain TCP, as on the Kubernetes listener) and ACLs decide what each user may do
 * (KRaft's {@code StandardAuthorizer}, nothing allowed without an ACL). The {@value #ADMIN} user is a super user;
 * its SCRAM credential is written when the log directory is formatted, and the controller listener, where SCRAM
 * cannot work (the credentials live in the metadata it serves), takes it with SASL/PLAIN.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** The super user of a broker with access control. */
    public static final String ADMIN = "admin";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    /** The {@value #ADMIN} user's password when access is controlled; null on an open broker. */
    private final String adminPassword;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int port, int controllerPort, String adminPassword) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.adminPassword = adminPassword;
    }

    /** Formats {@code dataDir} if it is new and starts the broker on {@code port} (0 picks a free port). */
    public static EmbeddedKafka start(Path dataDir, int port) {
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, brokerPort, FreePorts.pick(), null);
        kafka.startServer();
        return kafka;
    }

    /**
     * Like {@link #start}, with SASL/SCRAM-SHA-512 authentication and ACLs: only the {@value #ADMIN} user (a super
     * user, with a random password) may do anything until {@link #addScramUser users} and ACLs are added.
     */
    public static EmbeddedKafka startWithAccessControl(Path dataDir, int port) {
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        String password = UUID.randomUUID().toString().replace("-", "");
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, brokerPort, FreePorts.pick(), password);
        kafka.startServer();
        return kafka;
    }

    /** The client settings of the super user: bootstrap servers, and on a broker with access control its login. */
    public Map<String, Object> adminProperties() {
        return adminPassword == null ? Map.of("bootstrap.servers", bootstrapServers())
                : clientProperties(ADMIN, adminPassword);
    }

    /** The client settings of a SCRAM user of this broker (see {@link #addScramUser}). */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> props = new HashMap<>(scramLogin(user, password));
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    /**
     * The settings that log a Kafka client in as {@code user} with SCRAM-SHA-512 over plain TCP, as the services
     * take them from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG.
     */
    public static Map<String, String> scramLogin(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", SCRAM_MECHANISM,
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password));
    }

    /** Creates or replaces the SCRAM-SHA-512 credential of {@code user} (a broker with access control only). */
    public void addScramUser(String user, String password) {
        if (adminPassword == null) {
            throw new IllegalStateException("this broker has no access control: it takes no SCRAM users");
        }
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot add the SCRAM user " + user, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the broker again on the same ports and data after {@link #close()}, as a restarted broker would. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private synchronized void startServer() {
        Properties props = brokerProperties();
        Path config = writeConfig(props);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(config, adminPassword);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        String listener = adminPassword == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        props.put("listeners", listener + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", listener + "://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:" + listener);
        props.put("inter.broker.listener.name", listener);
        if (adminPassword != null) {
            props.putAll(accessControl());
        }
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // One node: no reason to wait for other members before the first rebalance.
        props.put("group.initial.rebalance.delay.ms", "0");
        // With access control topics are declared, as on Kubernetes; a write to a missing one fails.
        props.put("auto.create.topics.enable", Boolean.toString(adminPassword == null));
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return props;
    }

    /** SCRAM-SHA-512 for clients, PLAIN between the broker and its controller, and ACLs with no default access. */
    private Map<String, String> accessControl() {
        String plain = jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN, adminPassword);
        return Map.of(
                "sasl.enabled.mechanisms", SCRAM_MECHANISM,
                "sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                scramLogin(ADMIN, adminPassword).get("sasl.jaas.config"),
                "sasl.mechanism.controller.protocol", "PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms", "PLAIN",
                // Both sides of the controller connection: the broker logs in with it, the controller checks it.
                "listener.name.controller.plain.sasl.jaas.config",
                plain.replace(";", " user_" + ADMIN + "=\"" + adminPassword + "\";"),
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users", "User:" + ADMIN,
                "allow.everyone.if.no.acl.found", "false");
    }

    private static String jaas(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private Path writeConfig(Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path config = Files.createTempFile("evalboard-kafka", ".properties");
            config.toFile().deleteOnExit();
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(writer, "embedded Kafka");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats the log directory; with access control, the admin's SCRAM credential goes into the metadata log. */
    private static void format(Path config, String adminPassword) {
        List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--ignore-formatted"));
        if (adminPassword != null) {
            args.addAll(List.of("--add-scram", SCRAM_MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true,
                StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
