package dev.evalboard.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs one read-only statement with positional parameters and maps its rows, as of a {@link Snapshot} if one is set. */
@ApplicationScoped
public class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection()) {
            return run(connection, sql, params, mapper);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Like {@link #list}, for a statement whose best plan does not depend on its parameters' values: PostgreSQL plans
     * it once per connection (a generic plan) instead of at every execution. It keeps planning a statement anew when
     * its estimate for unknown values looks worse than for the values at hand, and for a ranked leaderboard page that
     * planning (3-8 ms) cost twice the execution (1.5 ms): measured with EXPLAIN ANALYZE on 100,000 models.
     */
    public <T> List<T> listWithGenericPlan(String sql, List<?> params, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement set = connection.createStatement()) {
                set.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                List<T> rows = run(connection, sql, params, mapper);
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static <T> List<T> run(Connection connection, String sql, List<?> params, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(Snapshot.sql(sql))) {
            bind(connection, statement, Snapshot.params(params));
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    public <T> Optional<T> first(String sql, List<?> params, RowMapper<T> mapper) {
        return list(sql, params, mapper).stream().findFirst();
    }

    public long count(String sql, List<?> params) {
        return first(sql, params, rs -> rs.getLong(1)).orElse(0L);
    }

    private static void bind(Connection connection, PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof String[]) {
                statement.setArray(i + 1, connection.createArrayOf("text", (String[]) value));
            } else if (value instanceof Integer[]) {
                statement.setArray(i + 1, connection.createArrayOf("integer", (Integer[]) value));
            } else if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** A nullable bigint column. */
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable double precision column. */
    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
