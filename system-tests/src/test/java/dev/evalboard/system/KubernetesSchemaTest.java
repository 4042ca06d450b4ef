package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.system.k8s.ManifestChecks;
import dev.evalboard.system.k8s.Manifests;
import dev.evalboard.system.k8s.StrimziKafkaVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k8s/ as the operators and the API server read it: Strimzi's own typed model, CloudNativePG's CRD fields, the
 * Kubernetes model. Today's manifests pass; each kind of mistake an operator would reject fails.
 */
class KubernetesSchemaTest {
    @TempDir
    Path dir;

    @Test
    void theManifestsPassEveryCheck() throws Exception {
        Path k8s = Manifests.copy(dir);
        assertEquals(List.of(), ManifestChecks.problems(Manifests.render(k8s), dir));
    }

    @Test
    void anApiVersionStrimziNoLongerServesFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "kafka.yaml", "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic",
                "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic");
        assertProblem(k8s, "KafkaTopic eval.results: apiVersion kafka.strimzi.io/v1beta2 is not served");
    }

    @Test
    void anUnknownStrimziFieldFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "kafka.yaml", "  entityOperator:\n", "  zookeeper:\n    replicas: 3\n  entityOperator:\n");
        assertProblem(k8s, "Kafka evalboard-kafka.spec.zookeeper: no such field");
    }

    @Test
    void aKafkaVersionTheRequiredStrimziCannotRunFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "kafka.yaml", "version: 4.2.1", "version: 4.3.1");
        assertProblem(k8s, "version 4.3.1 does not run on Strimzi " + StrimziKafkaVersions.REQUIRED_STRIMZI);
    }

    @Test
    void anUnknownCloudNativePgFieldOrTypeFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "postgres.yaml", "  instances: 3\n", "  instances: 3\n  replicas: 3\n");
        Manifests.edit(k8s, "postgres.yaml", "max_connections: \"250\"", "max_connections: 250");
        List<String> problems = problems(k8s);
        assertContains(problems, "Cluster evalboard-db: spec.replicas is not a field of a CloudNativePG Cluster");
        assertContains(problems, "Cluster evalboard-db: spec.postgresql.parameters must be map<string>");
    }

    @Test
    void anUnknownKubernetesFieldFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "query-service.yaml", "          startupProbe:\n",
                "          startupProbes: {}\n          startupProbe:\n");
        assertProblem(k8s, "Deployment query-service.spec.template.spec.containers[0].startupProbes: no such field");
    }

    @Test
    void aMissingSecretKeyFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Path reader = k8s.resolve("secrets/db-reader.env");
        Files.writeString(reader, "username=evalboard_reader\n");
        List<String> problems = problems(k8s);
        assertContains(problems, "QUARKUS_DATASOURCE_PASSWORD reads key password of Secret evalboard-db-reader, "
                + "which does not exist");
        assertContains(problems, "Cluster evalboard-db: Secret evalboard-db-reader has no password");
    }

    @Test
    void aSecretForAnotherRoleFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Files.writeString(k8s.resolve("secrets/db-owner.env"), "username=postgres\npassword=secret\n");
        assertProblem(k8s, "Secret evalboard-db-owner logs in as postgres, not as evalboard");
    }

    @Test
    void aPodOutsideTheRestrictedStandardFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "chart-service.yaml", "            allowPrivilegeEscalation: false\n", "");
        assertProblem(k8s, "container chart-service: allowPrivilegeEscalation must be false");
    }

    @Test
    void aKafkaUserFieldStrimziNoLongerReadsFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "kafka-users.yaml", "        operations: [Write]\n---\n# Moderators",
                "        operation: Write\n---\n# Moderators");
        assertProblem(k8s, "KafkaUser evalboard-publisher.spec.authorization.acls[0].operation: no such field");
    }

    @Test
    void aKafkaWithoutAuthorizationOrAListenerWithoutScramFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "kafka.yaml", "    authorization:\n      type: simple\n", "");
        Manifests.edit(k8s, "kafka.yaml", "        authentication:\n          type: scram-sha-512\n", "");
        List<String> problems = problems(k8s);
        assertContains(problems, "Kafka evalboard-kafka: no authorization type simple");
        assertContains(problems, "Deployment ingest-service: the listener plain does not ask for scram-sha-512");
    }

    @Test
    void aServiceWithoutItsKafkaUsersLoginOrWithTheWrongProtocolFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "query-service.yaml", "secretKeyRef: {name: evalboard-query, key: sasl.jaas.config}",
                "secretKeyRef: {name: evalboard-query, key: password}");
        Manifests.edit(k8s, "config.yaml", "KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT", "KAFKA_SECURITY_PROTOCOL: PLAINTEXT");
        List<String> problems = problems(k8s);
        assertContains(problems, "Deployment query-service: KAFKA_SASL_JAAS_CONFIG must come from key "
                + "sasl.jaas.config of the Secret of a KafkaUser");
        assertContains(problems, "Deployment chart-service: KAFKA_SECURITY_PROTOCOL must be SASL_PLAINTEXT, not "
                + "PLAINTEXT");
    }

    @Test
    void aLoginFromASecretNoKafkaUserWritesFails() throws Exception {
        Path k8s = Manifests.copy(dir);
        Manifests.edit(k8s, "chart-service.yaml", "secretKeyRef: {name: evalboard-chart, key: sasl.jaas.config}",
                "secretKeyRef: {name: evalboard-charts, key: sasl.jaas.config}");
        List<String> problems = problems(k8s);
        assertContains(problems, "KAFKA_SASL_JAAS_CONFIG reads key sasl.jaas.config of Secret evalboard-charts, "
                + "which does not exist");
    }

    private List<String> problems(Path k8s) throws Exception {
        return ManifestChecks.problems(Manifests.render(k8s), dir);
    }

    private void assertProblem(Path k8s, String expected) throws Exception {
        assertContains(problems(k8s), expected);
    }

    private static void assertContains(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }
}
