package dev.evalboard.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database holds of a scenario's events, against what was sent: every accepted run once in the history,
 * the same checksum over (eventId, model, benchmark, metric, score, evaluatedAt), and the current result of each
 * (model, benchmark, metric) being the latest run, ties broken by the larger eventId.
 */
record StoreCheck(int sent, int stored, int lost, int duplicated, int unexpected, String sentChecksum,
        String storedChecksum, int currentExpected, int currentWrong) {

    private static final String HISTORY = """
            SELECT r.event_id, m.name, b.name, b.metric, r.score, r.evaluated_at
            FROM result r JOIN model m ON m.id = r.model_id JOIN benchmark b ON b.id = r.benchmark_id
            WHERE r.event_id LIKE ? || '-%'""";
    private static final String CURRENT = """
            SELECT m.name, b.name, b.metric, c.event_id
            FROM current_result c JOIN model m ON m.id = c.model_id JOIN benchmark b ON b.id = c.benchmark_id
            WHERE m.name LIKE ? || '-model-%'""";

    boolean exact() {
        return lost == 0 && duplicated == 0 && unexpected == 0 && sentChecksum.equals(storedChecksum)
                && currentWrong == 0;
    }

    /** How many of the sent events are stored so far (to wait on). */
    static int storedCount(Connection db, String prefix) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT count(*) FROM result WHERE event_id LIKE ? || '-%'")) {
            s.setString(1, prefix);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static StoreCheck of(Connection db, String prefix, Collection<SentEvent> sent) throws SQLException {
        Map<String, SentEvent> byId = new HashMap<>();
        sent.forEach(event -> byId.put(event.eventId(), event));
        List<String> storedLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicated = 0;
        int unexpected = 0;
        try (PreparedStatement s = db.prepareStatement(HISTORY)) {
            s.setString(1, prefix);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SentEvent row = new SentEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getObject(6, OffsetDateTime.class).toInstant());
                    storedLines.add(row.checksumLine());
                    duplicated += seen.add(row.eventId()) ? 0 : 1;
                    unexpected += byId.containsKey(row.eventId()) ? 0 : 1;
                }
            }
        }
        int lost = (int) byId.keySet().stream().filter(id -> !seen.contains(id)).count();
        Map<String, String> expectedCurrent = expectedCurrent(sent);
        int currentWrong = currentWrong(db, prefix, expectedCurrent);
        return new StoreCheck(sent.size(), storedLines.size(), lost, duplicated, unexpected,
                checksum(sent.stream().map(SentEvent::checksumLine).toList()), checksum(storedLines),
                expectedCurrent.size(), currentWrong);
    }

    /** The contract's rule, computed independently of the service: latest evaluatedAt, then the larger eventId. */
    private static Map<String, String> expectedCurrent(Collection<SentEvent> sent) {
        Map<String, SentEvent> current = new HashMap<>();
        for (SentEvent event : sent) {
            current.merge(event.currentKey(), event, (a, b) -> {
                int byTime = a.evaluatedAt().compareTo(b.evaluatedAt());
                return byTime != 0 ? (byTime > 0 ? a : b) : (a.eventId().compareTo(b.eventId()) > 0 ? a : b);
            });
        }
        Map<String, String> ids = new HashMap<>();
        current.forEach((key, event) -> ids.put(key, event.eventId()));
        return ids;
    }

    /** Rows of current_result that differ from the expectation, plus expected rows that are missing. */
    private static int currentWrong(Connection db, String prefix, Map<String, String> expected) throws SQLException {
        int wrong = 0;
        int rows = 0;
        try (PreparedStatement s = db.prepareStatement(CURRENT)) {
            s.setString(1, prefix);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String key = rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3);
                    wrong += rs.getString(4).equals(expected.get(key)) ? 0 : 1;
                }
            }
        }
        return wrong + Math.max(0, expected.size() - rows);
    }

    private static String checksum(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.stream().sorted().forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.format("sent %d, stored %d, lost %d, duplicated %d, unexpected %d, checksum %s/%s, "
                + "current results %d (%d wrong)", sent, stored, lost, duplicated, unexpected, sentChecksum,
                storedChecksum, currentExpected, currentWrong);
    }
}
