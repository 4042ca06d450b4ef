package dev.evalboard.ingest.config;

import dev.evalboard.contract.ParserSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of ingest, under {@code evalboard.ingest}. The topic, group and dead-letter topic also name the
 * channels in {@code application.properties}; the consumer's client settings are applied by
 * {@code messaging.IngestConsumerSettings}.
 */
@ConfigMapping(prefix = "evalboard.ingest")
public interface IngestConfig {

    @WithDefault("eval.results")
    String topic();

    @WithDefault("eval.results.dlq")
    String deadLetterTopic();

    /** The change feed; one partition, so every reader sees the changes in the same order. */
    @WithDefault("eval.changes")
    String changeTopic();

    /** Flags, unflags and retractions; one partition, so that they apply in the order they were written. */
    @WithDefault("eval.moderation")
    String moderationTopic();

    /** The consumer group of every instance: they share the partitions. */
    @WithDefault("evalboard-ingest")
    String groupId();

    /**
     * Kafka consumers in this instance (the channel's {@code concurrency}), each with its own partitions and its
     * own batch in hand: while one stores a batch, another parses or stores its own.
     */
    int consumers();

    /** Records per poll; one poll is one database transaction. */
    @WithDefault("5000")
    int maxPollRecords();

    /** Back-off while the database or the dead-letter topic is unreachable: doubles from min up to max. */
    @WithDefault("100ms")
    Duration retryBackoffMin();

    @WithDefault("5s")
    Duration retryBackoffMax();

    /**
     * How long the group waits for a silent instance before moving its partitions to the others. Kafka's own
     * default is 45 s; an instance that crashed would hold its partitions that long, and a restarted one would wait
     * for it to expire before its first batch.
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How long a rebalance waits for a batch being stored on a partition it takes away, so that the batch is
     * committed rather than consumed again by the next owner. A batch held longer, through an outage, is consumed
     * again.
     */
    @WithDefault("10s")
    Duration revokeWait();

    /** Readiness goes down when a partition with records waiting has committed nothing for this long. */
    @WithDefault("60s")
    Duration stallAfter();

    Topics topics();

    /** How far past this service's clock evaluatedAt may lie; the contract's 5 minutes when unset. */
    Optional<Duration> maxFutureSkew();

    /** The largest |score|, stderr and costUsd accepted; the contract's 1e12 when unset. */
    Optional<Double> maxMagnitude();

    default ParserSettings parserSettings() {
        return new ParserSettings(maxFutureSkew().orElse(ParserSettings.DEFAULT_MAX_FUTURE_SKEW),
                maxMagnitude().orElse(ParserSettings.DEFAULT_MAX_MAGNITUDE));
    }

    interface Topics {
        /** Create the topics at start-up when they are missing (off where an operator manages them). */
        @WithDefault("true")
        boolean create();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
