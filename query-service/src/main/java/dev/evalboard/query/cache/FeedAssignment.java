package dev.evalboard.query.cache;

import dev.evalboard.query.cache.ChangeFeed.FeedRestarted;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Whether this instance reads the change feed: the cache is used only while it holds the feed's partition, and
 * starts from empty each time it gets it back (it reads from the end, so changes published meanwhile are unknown).
 */
@ApplicationScoped
@Identifier("change-feed")
public class FeedAssignment implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(FeedAssignment.class);

    private final ResponseCache cache;
    private final Event<FeedRestarted> restarted;

    public FeedAssignment(ResponseCache cache, Event<FeedRestarted> restarted) {
        this.cache = cache;
        this.restarted = restarted;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            LOG.infof("reading the change feed from %s: the response cache is in use", partitions);
            cache.feedLive();
            restarted.fire(new FeedRestarted());
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            LOG.info("no longer reading the change feed: the response cache is bypassed");
            cache.feedLost();
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
