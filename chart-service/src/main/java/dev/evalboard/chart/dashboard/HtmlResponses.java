package dev.evalboard.chart.dashboard;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The pages' responses: a CSP that runs only our own script, a strong ETag with 304, and CSV downloads. */
final class HtmlResponses {
    static final String HTML = "text/html; charset=utf-8";
    static final String CSV = "text/csv; charset=utf-8";
    /** Our files only; chart images refreshed in place are blob: URLs; no inline script or style anywhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private HtmlResponses() {
    }

    /** A page, or 304 when the browser's copy (If-None-Match) is the same; {@code timing} is a Server-Timing value. */
    static Response page(String html, String ifNoneMatch, String timing) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        String etag = etagOf(body);
        Response.ResponseBuilder builder = matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body).type(HTML);
        return secured(builder).header("ETag", etag).header("Cache-Control", "no-cache")
                .header("Server-Timing", timing).build();
    }

    static Response error(int status, String html) {
        return secured(Response.status(status).type(HTML).entity(html.getBytes(StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    static Response csv(String csv, String filename) {
        return secured(Response.ok(csv.getBytes(StandardCharsets.UTF_8)).type(CSV))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-cache").build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder builder) {
        return builder.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
