package dev.evalboard.chart.messaging;

import dev.evalboard.chart.dashboard.LiveChanges;
import dev.evalboard.chart.service.ChartDataService;
import dev.evalboard.contract.change.ResultChange;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the change feed ({@code eval.changes}) with a consumer group of its own, so every instance hears every
 * change, and has the chart data of the changed benchmarks loaded again. Without the feed, cached answers still end
 * at their TTL. Open dashboard pages hear of each change once the charts that were being shown are loaded again, so
 * a page that reloads them gets new charts. The changes of one poll are handled as one, as query-service does: a
 * reader that waited for reloads catches up in one step.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final ChartDataService data;
    private final LiveChanges live;

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
        data.changed(ResultChange.merged(read.values().stream().toList()), last).join();
        read.forEach((offset, change) -> live.heard(change, offset));
    }
}
