package dev.evalboard.ingest.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which database errors are about the rows (the batch is stored one by one and the refused events are dead-lettered)
 * and which about the server (the batch is held and retried, nothing dead-lettered): a server error taken for a data
 * error would dead-letter good events during an outage; the reverse would hold a partition for ever.
 */
class DatabaseErrorClassificationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "22001, string data right truncation",
        "22003, numeric value out of range",
        "22P02, invalid text representation",
        "22021, character not in repertoire",
        "23502, not-null violation",
        "23505, unique violation",
        "23514, check violation",
    })
    void errorsAboutTheRowsDeadLetterTheRefusedEvents(String sqlState, String name) {
        assertTrue(BatchIngestor.isDataError(new SQLException(name, sqlState)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "08001, cannot connect now",
        "08006, connection failure",
        "25006, read-only transaction (a standby after a failover)",
        "40001, serialization failure",
        "40P01, deadlock detected",
        "53300, too many connections",
        "57014, query canceled (statement timeout)",
        "57P01, admin shutdown",
        "57P03, cannot connect now (starting up)",
        "42P01, undefined table (the schema is not migrated: a setup problem, not the events)",
        "XX000, internal error",
    })
    void errorsAboutTheServerHoldTheBatch(String sqlState, String name) {
        assertFalse(BatchIngestor.isDataError(new SQLException(name, sqlState)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "2"})
    void anErrorWithoutAFullStateHoldsTheBatch(String sqlState) {
        // The driver's own I/O errors carry no SQLSTATE: a broken connection, not a bad row.
        assertFalse(BatchIngestor.isDataError(new SQLException("I/O error", sqlState)));
    }
}
