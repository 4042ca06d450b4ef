package dev.evalboard.ingest.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database settings that ingest's guarantee rests on. Offsets are committed after the batch's {@code COMMIT}
 * returns; that is safe only if the commit was on disk by then, which {@code synchronous_commit=off} (commit before
 * the WAL is written) or {@code fsync=off} (WAL never forced to disk) take away.
 */
@ApplicationScoped
public class DurabilitySettings {
    private final AgroalDataSource dataSource;

    public DurabilitySettings(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the server says for ingest's own connections, which is what its transactions commit with. */
    public Values read() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return new Values(show(statement, "synchronous_commit"), show(statement, "fsync"));
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public record Values(String synchronousCommit, String fsync) {
        /** A sentence for the log and readiness when a committed batch could still be lost in a crash, else null. */
        public String risk() {
            if ("off".equals(synchronousCommit)) {
                return "synchronous_commit is off: a database crash can lose batches whose Kafka offsets are already"
                        + " committed; set synchronous_commit=on";
            }
            if ("off".equals(fsync)) {
                return "fsync is off: a machine crash can lose or corrupt committed batches; set fsync=on";
            }
            return null;
        }

        @Override
        public String toString() {
            return "synchronous_commit=" + synchronousCommit + ", fsync=" + fsync;
        }
    }
}
