package dev.evalboard.query.cache;

import jakarta.ws.rs.core.MediaType;

/**
 * A rendered response body with its media type and strong ETag (computed from exactly these bytes).
 * The array is never modified once built.
 */
public record CachedResponse(byte[] body, MediaType mediaType, String etag) {
}
