package dev.evalboard.chart.messaging;

import dev.evalboard.chart.dashboard.LiveChanges;
import dev.evalboard.chart.service.ChartDataService;
import dev.evalboard.contract.change.ResultChange;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the change feed ({@code eval.changes}) with a consumer group of its own, so every instance hears every
 * change, and has the chart data of the changed benchmarks loaded again. Without the feed, cached answers still end
 * at their TTL. Open dashboard pages hear of each change after that.
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
    public void onChange(ConsumerRecord<byte[], byte[]> record) {
        try {
            ResultChange change = ResultChange.fromJson(record.value());
            data.changed(change, record.offset());
            // Told after the cache forgot the change, so an open page that reloads gets new charts.
            live.heard(change, record.offset());
        } catch (IllegalArgumentException e) {
            LOG.warnf("unreadable change at offset %d: %s", record.offset(), e.getMessage());
        }
    }
}
