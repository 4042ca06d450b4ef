package dev.evalboard.chart.dashboard;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page that cannot be shown is an HTML page that says why, with its status: never a stack trace. */
public class PageErrors {

    @ServerExceptionMapper
    public Response page(PageException e) {
        String title = switch (e.status()) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            default -> "Unavailable";
        };
        Response response = HtmlResponses.error(e.status(), Pages.error(e.status(), title, e.getMessage()).render());
        return e.status() == 503 ? Response.fromResponse(response).header("Retry-After", "2").build() : response;
    }
}
