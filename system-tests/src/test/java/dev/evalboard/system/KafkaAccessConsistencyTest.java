package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evalboard.devstack.KafkaAcl;
import dev.evalboard.system.k8s.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read and write is said in four places that must agree: deploy/kafka/acls (compose applies it, the
 * access-control scenario runs on it), the KafkaUsers of k8s, the table of docs/contract.md, and the login each
 * service uses in compose and in its Deployment.
 */
class KafkaAccessConsistencyTest {
    private static final Path REPO = Manifests.REPO;
    private static final List<String> SERVICES = List.of("ingest-service", "query-service", "chart-service");
    private static final Pattern JAAS = Pattern.compile("username=\"([^\"]*)\" password=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static List<JsonNode> k8s;
    private static JsonNode compose;
    private static Set<String> declared;

    @BeforeAll
    static void read(@TempDir Path dir) throws IOException {
        k8s = Manifests.render(Manifests.copy(dir));
        compose = new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
        declared = new TreeSet<>(KafkaAcl.read(REPO.resolve(KafkaAcl.FILE)).stream().map(acl -> line(acl.user(),
                acl.operation(), acl.resourceType(), acl.name(), acl.pattern())).toList());
    }

    @Test
    void theKafkaUsersOfK8sHaveExactlyTheDeclaredAcls() {
        Set<String> inK8s = new TreeSet<>();
        for (JsonNode user : Manifests.ofKind(k8s, "KafkaUser")) {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertEquals("allow", acl.path("type").asText("allow"), "only allow rules");
                for (JsonNode operation : acl.path("operations")) {
                    String pattern = acl.at("/resource/patternType").asText("literal");
                    inK8s.add(line(user.at("/metadata/name").asText(), operation.asText(),
                            acl.at("/resource/type").asText(), acl.at("/resource/name").asText(),
                            pattern.equals("prefix") ? "prefixed" : pattern));
                }
            }
        }
        assertEquals(declared, inK8s);
    }

    @Test
    void theContractsTableSaysTheSame() throws IOException {
        Set<String> inContract = new TreeSet<>();
        for (String row : Files.readAllLines(REPO.resolve("docs/contract.md"))) {
            if (!row.startsWith("| `evalboard-")) {
                continue;
            }
            String[] cells = row.split("\\|", -1);
            String user = codes(cells[1]).get(0);
            codes(cells[3]).forEach(topic -> inContract.add(line(user, "Read", "topic", topic, "literal")));
            codes(cells[4]).forEach(topic -> inContract.add(line(user, "Write", "topic", topic, "literal")));
            for (String group : codes(cells[5])) {
                boolean prefix = group.endsWith("*");
                inContract.add(line(user, "Read", "group", prefix ? group.substring(0, group.length() - 1) : group,
                        prefix ? "prefixed" : "literal"));
            }
        }
        assertEquals(declared, inContract);
    }

    @Test
    void eachServiceLogsInAsTheSameUserInComposeK8sAndTheContract() throws IOException {
        Map<String, String> logins = composeLogins();
        assertEquals(users(), logins.keySet(), "compose's kafka-setup creates every user the ACLs name");
        String contract = Files.readString(REPO.resolve("docs/contract.md"));
        for (String service : SERVICES) {
            JsonNode env = compose.at("/services/" + service + "/environment");
            Matcher login = JAAS.matcher(env.path("KAFKA_SASL_JAAS_CONFIG").asText());
            assertTrue(login.find(), service + " logs in with SCRAM in compose");
            assertEquals("SASL_PLAINTEXT", env.path("KAFKA_SECURITY_PROTOCOL").asText(), service);
            assertEquals("SCRAM-SHA-512", env.path("KAFKA_SASL_MECHANISM").asText(), service);
            assertEquals(logins.get(login.group(1)), login.group(2), service + "'s password is the one kafka-setup sets");

            String k8sUser = "";
            for (JsonNode variable : Manifests.find(k8s, "Deployment", service)
                    .at("/spec/template/spec/containers/0/env")) {
                if (variable.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    k8sUser = variable.at("/valueFrom/secretKeyRef/name").asText();
                }
            }
            assertEquals(login.group(1), k8sUser, service + " logs in as the same user in compose and k8s");
            assertTrue(contract.contains("| `" + k8sUser + "` | `" + service + "` |"),
                    "the contract's table names " + k8sUser + " as " + service + "'s user");
        }
        assertEquals("false", compose.at("/services/ingest-service/environment/EVALBOARD_INGEST_TOPICS_CREATE")
                .asText(), "ingest's user may not create topics");
    }

    @Test
    void everyTopicTheAclsNameIsDeclaredInK8sAndCreatedByComposesSetup() throws IOException {
        String setup = Files.readString(REPO.resolve("deploy/kafka/setup"));
        for (String topic : new TreeSet<>(KafkaAcl.read(REPO.resolve(KafkaAcl.FILE)).stream()
                .filter(acl -> acl.resourceType().equals("topic")).map(KafkaAcl::name).toList())) {
            Manifests.find(k8s, "KafkaTopic", topic);
            assertTrue(setup.contains("\ntopic " + topic + " "), "deploy/kafka/setup creates " + topic);
        }
    }

    @Test
    void composesAdminLoginIsTheOneTheBrokerDeclares() throws IOException {
        Matcher admin = JAAS.matcher(Files.readString(REPO.resolve("deploy/kafka/admin.properties")));
        assertTrue(admin.find());
        JsonNode broker = compose.at("/services/kafka/environment");
        for (String listener : List.of("CONTROLLER", "INTERNAL")) {
            String jaas = broker.path("KAFKA_LISTENER_NAME_" + listener + "_PLAIN_SASL_JAAS_CONFIG").asText();
            assertTrue(jaas.contains("user_" + admin.group(1) + "=\"" + admin.group(2) + "\""),
                    "the " + listener + " listener takes the admin of admin.properties");
        }
        assertEquals("User:" + admin.group(1), broker.path("KAFKA_SUPER_USERS").asText());
        assertTrue(compose.at("/services/kafka-setup/volumes").toString().contains("./deploy/kafka:"),
                "kafka-setup reads deploy/kafka");
    }

    /** user=password of compose's kafka-setup. */
    private static Map<String, String> composeLogins() {
        Map<String, String> logins = new TreeMap<>();
        String all = compose.at("/services/kafka-setup/environment/EVALBOARD_KAFKA_LOGINS").asText();
        for (String login : all.strip().split("\\s+")) {
            logins.put(login.substring(0, login.indexOf('=')), login.substring(login.indexOf('=') + 1));
        }
        return logins;
    }

    private static Set<String> users() {
        return new TreeSet<>(KafkaAcl.users(KafkaAcl.read(REPO.resolve(KafkaAcl.FILE))));
    }

    private static List<String> codes(String cell) {
        Matcher code = CODE.matcher(cell);
        List<String> found = new ArrayList<>();
        while (code.find()) {
            found.add(code.group(1));
        }
        return found;
    }

    private static String line(String user, String operation, String type, String name, String pattern) {
        return String.join(" ", user, operation, type, name, pattern);
    }
}
