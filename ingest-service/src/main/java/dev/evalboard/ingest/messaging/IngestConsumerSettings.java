package dev.evalboard.ingest.messaging;

import dev.evalboard.ingest.config.IngestConfig;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * The Kafka consumer settings of the results channel that come from {@code evalboard.ingest.*} (typed there, so
 * that {@code EVALBOARD_INGEST_SESSION_TIMEOUT=10s} keeps working), or that ingest's guarantees need whatever a
 * {@code kafka.*} setting says, and the session timeout of the moderation channel, which shares the results' group.
 * Defaults that a {@code kafka.*} setting may change are only filled in when absent.
 */
@ApplicationScoped
public class IngestConsumerSettings implements ClientCustomizer<Map<String, Object>> {
    private final IngestConfig config;

    public IngestConsumerSettings(IngestConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> settings) {
        if (channel.equals(ModerationConsumer.CHANNEL)) {
            // The moderation consumer is a member of the results' group, and a rebalance waits for every member: a
            // killed instance's moderation consumer, with Kafka's 45 s default, held a restarted instance's first
            // batch for 45 s.
            settings.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                    Long.toString(config.sessionTimeout().toMillis()));
            return settings;
        }
        if (!ResultBatchConsumer.isResultsChannel(channel)) {
            return settings;
        }
        // Large enough that a poll can fill a whole batch from one partition.
        settings.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        // Under a trickle of events a poll waits up to 100 ms for more rather than returning each few records:
        // fewer durable commits, and each benchmark changes (and is reloaded by every reader) at most about ten
        // times a second instead of once per record.
        settings.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(1024 * 1024));
        settings.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        settings.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                Long.toString(config.sessionTimeout().toMillis()));
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxPollRecords()));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Topics are created by TopicSetup with their partition count, never by a subscription.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return settings;
    }
}
