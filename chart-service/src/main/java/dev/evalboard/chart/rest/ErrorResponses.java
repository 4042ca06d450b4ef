package dev.evalboard.chart.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.chart.render.chart.ErrorCardRenderer;
import dev.evalboard.contract.json.HtmlSafeJson;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An error as an SVG card for clients that prefer images, else as RFC 9457 problem+json. */
final class ErrorResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    /** Details echo rejected input: written with markup characters escaped, so no answer carries markup back. */
    private static final ObjectMapper PROBLEM_WRITER = HtmlSafeJson.apply(new ObjectMapper());

    private ErrorResponses() {
    }

    static Response of(int status, String detail, String parameter, String accept, String path) {
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        if (AcceptPreference.prefersImage(accept)) {
            // The card is itself an image: same protective headers, but never cached.
            String svg = ErrorCardRenderer.render(status, title, detail);
            return ImageResponses.secured(Response.status(status), "no-store").type(ImageResponses.SVG)
                    .entity(svg.getBytes(StandardCharsets.UTF_8)).build();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (path != null) {
            problem.put("instance", path);
        }
        if (parameter != null) {
            problem.put("parameter", parameter);
        }
        return Response.status(status).type(PROBLEM_JSON).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").entity(json(problem)).build();
    }

    private static byte[] json(Map<String, Object> problem) {
        try {
            return PROBLEM_WRITER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
