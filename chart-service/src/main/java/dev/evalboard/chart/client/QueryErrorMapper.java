package dev.evalboard.chart.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Splits query-service errors into "our request was wrong" (4xx) and "it is failing" (anything else). */
public class QueryErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            return new QueryRejectedException(status, detailOf(response));
        }
        return new QueryUnavailableException("query-service answered " + status);
    }

    /** The problem+json detail (or title) when there is one. */
    private static String detailOf(Response response) {
        try {
            JsonNode problem = JSON.readTree(response.readEntity(String.class));
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
            if (problem != null && problem.hasNonNull("title")) {
                return problem.get("title").asText();
            }
        } catch (Exception unreadable) {
            // An error without a readable problem body still has its status.
        }
        return "query-service answered " + response.getStatus();
    }
}
