package dev.evalboard.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/kafka/acls as the Admin API takes it, and a clear refusal of a line it cannot be. */
class KafkaAclTest {
    @TempDir
    Path dir;

    @Test
    void theRepositorysListBecomesBindingsTheBrokerAccepts() {
        List<KafkaAcl> acls = KafkaAcl.read(Path.of("..").resolve(KafkaAcl.FILE));
        assertTrue(KafkaAcl.users(acls).containsAll(List.of("evalboard-ingest", "evalboard-publisher")));
        AclBinding group = acls.stream().filter(acl -> acl.name().equals("query-service-")).findFirst().orElseThrow()
                .binding();
        assertEquals(ResourceType.GROUP, group.pattern().resourceType());
        assertEquals(PatternType.PREFIXED, group.pattern().patternType());
        assertEquals(AclOperation.READ, group.entry().operation());
        assertEquals("User:evalboard-query", group.entry().principal());
        acls.forEach(acl -> assertFalse(acl.binding().isUnknown(), acl.toString()));
    }

    @Test
    void aLineOfAnotherShapeOrAnUnknownOperationIsRefusedByName() throws Exception {
        Path file = dir.resolve("acls");
        Files.writeString(file, "# a comment\n\nalice Read topic eval.results\n");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> KafkaAcl.read(file));
        assertTrue(shape.getMessage().contains("expected 'user operation resource name pattern'"), shape.getMessage());
        Files.writeString(file, "alice Create topic eval.results literal\n");
        IllegalArgumentException operation = assertThrows(IllegalArgumentException.class, () -> KafkaAcl.read(file));
        assertTrue(operation.getMessage().contains("operation 'Create' is not one of"), operation.getMessage());
    }
}
