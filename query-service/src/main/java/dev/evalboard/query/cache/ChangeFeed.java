package dev.evalboard.query.cache;

import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.query.repository.ReplayPosition;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the change feed ({@code eval.changes}). Every instance reads every change (a consumer group of its own), waits
 * until its database shows the change, then has the cache recompute or drop the answers it alters and tells the SSE
 * stream. The changes of one poll are handled as one ({@link ResultChange#merged}): a reader that fell behind, say
 * while recomputing, catches up with one wait and one recomputation instead of one per change. While this instance
 * holds no partition of the feed, the cache is bypassed.
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
    public void onChanges(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<VisibleChange> read = new ArrayList<>(records.count());
        boolean unreadable = false;
        long last = -1;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            last = Math.max(last, record.offset());
            try {
                read.add(new VisibleChange(record.offset(), ResultChange.fromJson(record.value())));
            } catch (IllegalArgumentException e) {
                LOG.warnf("unreadable change at offset %d (%s): dropping every cached answer", record.offset(),
                        e.getMessage());
                unreadable = true;
            }
        }
        if (!read.isEmpty()) {
            ResultChange change = ResultChange.merged(read.stream().map(VisibleChange::change).toList());
            replay.awaitReplayed(change.lsn());
            cache.invalidate(change);
        }
        if (unreadable) {
            cache.invalidateAll();
        }
        read.forEach(visible::fire);
        handledOffset.set(last);
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
