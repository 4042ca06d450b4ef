package dev.evalboard.chart.messaging;

import dev.evalboard.chart.service.ChartDataService;
import dev.evalboard.contract.change.ResultChange;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the change feed ({@code eval.changes}) with a consumer group of its own, so every instance hears every
 * change, and has the chart data of the changed benchmarks loaded again. Without the feed, cached answers still end
 * at their TTL.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final ChartDataService data;

    public ChangeFeed(ChartDataService data) {
        this.data = data;
    }

    @Incoming("changes")
    public void onChange(ConsumerRecord<byte[], byte[]> record) {
        try {
            data.changed(ResultChange.fromJson(record.value()), record.offset());
        } catch (IllegalArgumentException e) {
            LOG.warnf("unreadable change at offset %d: %s", record.offset(), e.getMessage());
        }
    }
}
