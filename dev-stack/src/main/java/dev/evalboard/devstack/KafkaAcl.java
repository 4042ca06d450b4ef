package dev.evalboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One line of {@code deploy/kafka/acls}, the list of who may do what on Evalboard's topics:
 * {@code user operation topic|group name literal|prefixed}. docker-compose applies the file with kafka-acls.sh, the
 * access-control scenario with the Admin API ({@link #binding()}); the system tests compare it with k8s and the
 * contract.
 */
public record KafkaAcl(String user, String operation, String resourceType, String name, String pattern) {
    /** Where the list is, from the repository's root. */
    public static final String FILE = "deploy/kafka/acls";

    private static final Set<String> OPERATIONS = Set.of("Read", "Write");
    private static final Set<String> RESOURCE_TYPES = Set.of("topic", "group");
    private static final Set<String> PATTERNS = Set.of("literal", "prefixed");

    public KafkaAcl {
        check(OPERATIONS, operation, "operation");
        check(RESOURCE_TYPES, resourceType, "resource type");
        check(PATTERNS, pattern, "pattern");
    }

    /** Every ACL of {@code file}; blank lines and {@code #} comments are skipped. */
    public static List<KafkaAcl> read(Path file) {
        List<KafkaAcl> acls = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] fields = entry.split("\\s+");
                if (fields.length != 5) {
                    throw new IllegalArgumentException(file + ": expected 'user operation resource name pattern', "
                            + "not '" + entry + "'");
                }
                acls.add(new KafkaAcl(fields[0], fields[1], fields[2], fields[3], fields[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return acls;
    }

    /** The users the ACLs name, in their order of appearance. */
    public static Set<String> users(List<KafkaAcl> acls) {
        Set<String> users = new LinkedHashSet<>();
        acls.forEach(acl -> users.add(acl.user()));
        return users;
    }

    /** This ACL as the Admin API takes it: allowed from any host. */
    public AclBinding binding() {
        return new AclBinding(new ResourcePattern(ResourceType.valueOf(upper(resourceType)), name,
                PatternType.valueOf(upper(pattern))), new AccessControlEntry("User:" + user, "*",
                        AclOperation.valueOf(upper(operation)), AclPermissionType.ALLOW));
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    private static void check(Set<String> allowed, String value, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' is not one of " + allowed);
        }
    }
}
