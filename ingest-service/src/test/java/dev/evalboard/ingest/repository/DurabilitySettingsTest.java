package dev.evalboard.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurabilitySettingsTest {

    @Test
    void synchronousCommitOffIsARiskForAcknowledgedBatches() {
        String risk = new DurabilitySettings.Values("off", "on").risk();
        assertTrue(risk.contains("synchronous_commit is off"), risk);
    }

    @Test
    void fsyncOffIsARiskToo() {
        String risk = new DurabilitySettings.Values("on", "off").risk();
        assertTrue(risk.contains("fsync is off"), risk);
    }

    @Test
    void everyValueThatFlushesBeforeTheCommitReturnsIsSafe() {
        for (String value : new String[] {"on", "local", "remote_write", "remote_apply"}) {
            assertNull(new DurabilitySettings.Values(value, "on").risk(), value);
        }
    }
}
