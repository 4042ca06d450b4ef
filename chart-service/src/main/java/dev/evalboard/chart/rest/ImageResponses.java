package dev.evalboard.chart.rest;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Chart responses with the contract's headers, a strong ETag and 304 for a matching If-None-Match. */
public final class ImageResponses {

    public static final String SVG = "image/svg+xml; charset=utf-8";
    public static final String PNG = "image/png";
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";
    // Browsers keep the chart but ask again each time (a 304 when unchanged): a chart follows the data within a second.
    static final String CACHE = "public, no-cache";

    private ImageResponses() {
    }

    public static Response svg(String svg, String ifNoneMatch) {
        return image(svg.getBytes(StandardCharsets.UTF_8), SVG, ifNoneMatch);
    }

    public static Response image(byte[] body, String contentType, String ifNoneMatch) {
        String etag = etagOf(body);
        if (matches(ifNoneMatch, etag)) {
            return secured(Response.notModified(), CACHE).header("ETag", etag).build();
        }
        return secured(Response.ok(body), CACHE).type(contentType).header("ETag", etag).build();
    }

    /** Headers every chart response carries, error cards included, with its one Cache-Control. */
    static Response.ResponseBuilder secured(Response.ResponseBuilder builder, String cacheControl) {
        return builder.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", cacheControl);
    }

    /** A strong validator: the SHA-256 of the exact bytes sent. */
    static String etagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** If-None-Match uses weak comparison (RFC 9110, 13.1.2): a W/ prefix does not matter. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
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
