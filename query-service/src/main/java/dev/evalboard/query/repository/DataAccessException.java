package dev.evalboard.query.repository;

import java.sql.SQLException;

/** The database failed to answer a query (down, overloaded, or a bug in our SQL). */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
