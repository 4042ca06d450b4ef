package dev.evalboard.chart.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.evalboard.chart.render.ChartInputException;
import dev.evalboard.chart.service.ChartBusyException;
import dev.evalboard.chart.service.ChartRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a 4xx/5xx in the format the client prefers. Nothing a URL or body can
 * contain yields a 500; the catch-all is for our own bugs and hides their details.
 */
public class ChartErrorMappers {

    private static final Logger LOG = Logger.getLogger(ChartErrorMappers.class);

    @ServerExceptionMapper
    public Response chartInput(ChartInputException e, HttpHeaders headers, UriInfo uri) {
        return respond(400, e.getMessage(), e.parameter(), headers, uri);
    }

    @ServerExceptionMapper
    public Response chartRequest(ChartRequestException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.status(), e.getMessage(), e.parameter(), headers, uri);
    }

    @ServerExceptionMapper
    public Response busy(ChartBusyException e, HttpHeaders headers, UriInfo uri) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return Response.fromResponse(respond(503, e.getMessage(), null, headers, uri))
                .header("Retry-After", Long.toString(seconds)).build();
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(400, "the request body is not valid chart JSON: " + e.getOriginalMessage(), "body", headers, uri);
    }

    /** Declared apart because Quarkus maps this subtype itself, with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadableBody(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        String detail = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        return respond(status, detail, null, headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, headers, uri);
        }
        LOG.error("chart request failed", e);
        return respond(500, "the chart could not be drawn because of an internal error", null, headers, uri);
    }

    private static Response respond(int status, String detail, String parameter, HttpHeaders headers, UriInfo uri) {
        return ErrorResponses.of(status, detail, parameter, headers.getHeaderString(HttpHeaders.ACCEPT),
                uri.getPath());
    }
}
