package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the results, dead-letter, change and moderation topics when they are missing, so a fresh broker works out
 * of the box.
 * It retries in the background until the broker answers; the consumer picks the topic up once it exists.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final IngestConfig config;
    private final Map<String, Object> clientProperties;
    private volatile boolean stopping;

    public TopicSetup(IngestConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.clientProperties = KafkaClientConfig.clientProperties(kafkaConfig);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.topics().create()) {
            Thread setup = new Thread(this::createUntilDone, "evalboard-topic-setup");
            setup.setDaemon(true);
            setup.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void createUntilDone() {
        Backoff backoff = new Backoff(config.retryBackoffMin(), config.retryBackoffMax());
        while (!stopping) {
            try {
                ensureTopics();
                return;
            } catch (Exception e) {
                LOG.warnf("cannot create the topics yet, retrying in %s: %s", backoff.next(), e.toString());
                backoff.sleep();
            }
        }
    }

    /** The change feed and moderation are read in one order by everyone: one partition each. */
    private boolean isSinglePartition(String topic) {
        return topic.equals(config.changeTopic()) || topic.equals(config.moderationTopic());
    }

    private void ensureTopics() throws Exception {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(config.topic(), config.deadLetterTopic(), config.changeTopic(),
                            config.moderationTopic()).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name,
                            isSinglePartition(name) ? 1 : config.topics().partitions(),
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
