package dev.evalboard.chart.messaging;

import dev.evalboard.chart.dashboard.LiveChanges;
import dev.evalboard.chart.service.ChartDataService;
import dev.evalboard.contract.change.ResultChange;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the change feed ({@code eval.changes}) with a consumer group of its own, so every instance hears every
 * change, and has the chart data of the changed benchmarks loaded again. Without the feed, cached answers still end
 * at their TTL. The changes of one poll are handled as one, as query-service does.
 *
 * <p>The feed does not wait for the reloads: a reload that waits for query-service to catch up would hold back the
 * changes of other benchmarks heard meanwhile. A reload under way chases the newest change heard of its benchmarks.
 * Open dashboard pages hear of the changes in feed order, each once the reloads it started have ended (and those of
 * every change before it), so a page that reloads its charts then gets new ones.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final ChartDataService data;
    private final LiveChanges live;
    /**
     * Completes once the pages have heard of every change read so far. Read and replaced only in onChanges, which the
     * connector calls for one poll at a time (an ordered {@code @Blocking} method), never concurrently.
     */
    private CompletableFuture<Void> told = CompletableFuture.completedFuture(null);

    public ChangeFeed(ChartDataService data, LiveChanges live) {
        this.data = data;
        this.live = live;
    }

    @Incoming("changes")
    @Blocking
    public void onChanges(ConsumerRecords<byte[], byte[]> records) {
        Map<Long, ResultChange> read = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                read.put(record.offset(), ResultChange.fromJson(record.value()));
            } catch (IllegalArgumentException e) {
                LOG.warnf("unreadable change at offset %d: %s", record.offset(), e.getMessage());
            }
        }
        if (read.isEmpty()) {
            return;
        }
        long last = read.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        CompletableFuture<Void> reloaded = data.changed(ResultChange.merged(read.values().stream().toList()), last);
        // handle, not thenRun: a failure to tell the pages of one change must not silence every later one.
        told = CompletableFuture.allOf(told, reloaded).handle((done, failure) -> {
            read.forEach((offset, change) -> live.heard(change, offset));
            return null;
        });
    }
}
