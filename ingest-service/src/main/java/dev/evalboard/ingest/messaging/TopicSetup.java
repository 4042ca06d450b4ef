package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the results, dead-letter and change topics when they are missing, so a fresh broker works out of the box. */
final class TopicSetup {
    private TopicSetup() {
    }

    static void ensureTopics(Map<String, Object> clientProperties, IngestConfig config) throws Exception {
        var props = new java.util.HashMap<>(clientProperties);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(config.topic(), config.deadLetterTopic(), config.changeTopic()).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, name.equals(config.changeTopic()) ? 1 : config.topics().partitions(),
                            config.topics().replicationFactor()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
