package dev.evalboard.system.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything the operators and the API server would reject in rendered manifests, one line per problem. */
public final class ManifestChecks {
    private ManifestChecks() {
    }

    public static List<String> problems(List<JsonNode> objects, Path workDir) throws Exception {
        List<String> problems = new ArrayList<>(CoreModelCheck.check(objects));
        problems.addAll(CloudNativePgCheck.check(objects));
        problems.addAll(StrimziModelCheck.run(objects, workDir));
        problems.addAll(StrimziKafkaVersions.check(objects));
        problems.addAll(KafkaAccessCheck.check(objects));
        return problems;
    }
}
