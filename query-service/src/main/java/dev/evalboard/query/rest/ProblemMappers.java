package dev.evalboard.query.rest;

import dev.evalboard.query.repository.DataAccessException;
import dev.evalboard.query.service.ProblemException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; internals stay in the log, never in the body. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return problems.of(e.status(), e.detail());
    }

    /** Unknown paths (404), wrong methods (405), unsupported Accept (406) and the like, raised by JAX-RS. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return problems.of(status, "The server could not answer this request.");
        }
        return problems.of(status, frameworkDetail(status));
    }

    @ServerExceptionMapper
    public Response database(DataAccessException e) {
        return unavailable(e);
    }

    /** Hibernate's report of a statement that failed in the database (a 503, as for plain JDBC); else a bug. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return unavailable(e);
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return problems.of(500, "An unexpected error occurred; it has been logged.");
    }

    private Response unavailable(Exception e) {
        LOG.error("database query failed", e);
        return problems.of(503, "The result store is not answering; try again shortly.");
    }

    private static String frameworkDetail(int status) {
        if (status == 404) {
            return "Nothing is found at this path.";
        }
        if (status == 405) {
            return "This resource does not support that method.";
        }
        if (status == 406) {
            return "This resource has no representation of the type named in the Accept header.";
        }
        return Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() + "." : "The request was refused.";
    }
}
