package dev.evalboard.query.cache;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.query.repository.ReplayPosition;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the change feed ({@code eval.changes}). Every instance reads every change (a consumer group of its own), waits
 * until its database shows the change, then drops the cached answers it alters and tells the SSE stream. While this
 * instance holds no partition of the feed, the cache is bypassed.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final ResponseCache cache;
    private final ReplayPosition replay;
    private final Event<VisibleChange> visible;
    private final AtomicLong handledOffset = new AtomicLong(-1);

    public ChangeFeed(ResponseCache cache, ReplayPosition replay, Event<VisibleChange> visible) {
        this.cache = cache;
        this.replay = replay;
        this.visible = visible;
    }

    @Incoming("changes")
    @Blocking
    public void onChange(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        ResultChange change;
        try {
            change = ResultChange.fromJson(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warnf("unreadable change at offset %d (%s): dropping every cached answer", record.offset(),
                    e.getMessage());
            cache.invalidateAll();
            handledOffset.set(record.offset());
            return;
        }
        replay.awaitReplayed(change.lsn());
        cache.invalidate(change);
        visible.fire(new VisibleChange(record.offset(), change));
        handledOffset.set(record.offset());
    }

    /** The offset of the last change handled; tests wait for their own barrier record with it. */
    public long handledOffset() {
        return handledOffset.get();
    }

    /** A change that this instance's database shows, with its feed offset (the SSE event id). */
    public record VisibleChange(long offset, ResultChange change) {
    }

    /** The feed is read again from its end: changes published while it was not read are unknown. */
    public record FeedRestarted() {
    }
}
