package dev.evalboard.query.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.query.cache.CacheKey;
import dev.evalboard.query.cache.ChangeFeed;
import dev.evalboard.query.cache.CachedResponse;
import dev.evalboard.query.cache.ResponseCache;
import dev.evalboard.query.repository.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes a response body to bytes here rather than in the JAX-RS pipeline, so that the strong ETag is the hash
 * of exactly the bytes sent, and a matching {@code If-None-Match} can answer 304 without a body.
 */
@ApplicationScoped
public class Representations {
    static final String CSV = "text/csv";
    static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv; charset=utf-8");
    // Browsers keep the answer but ask again each time (a 304 when unchanged): boards change while a page is open.
    static final String CACHE_CONTROL = "public, no-cache";
    /**
     * The offset of the last change-feed record this instance had handled when it answered: the answer shows every
     * change up to it. chart-service compares it with the changes it heard of, so it never keeps an older answer.
     */
    public static final String CHANGES_SEEN = "Evalboard-Changes-Seen";

    private final ObjectMapper mapper;
    private final ResponseCache cache;
    private final ChangeFeed feed;

    public Representations(ObjectMapper mapper, ResponseCache cache, ChangeFeed feed) {
        this.mapper = mapper;
        this.cache = cache;
        this.feed = feed;
    }

    /**
     * JSON from the response cache: {@code key} is the endpoint and its parsed parameters; {@code body} runs only
     * on a miss (after the parameters were validated, so errors are never cached). The answer depends on every
     * change.
     */
    Response cachedJson(String endpoint, Object[] key, Supplier<?> body, HttpHeaders request) {
        long seen = feed.handledOffset();
        CachedResponse response = cache.get(CacheKey.of(endpoint, false, null, key),
                () -> render(toJson(body.get()), MediaType.APPLICATION_JSON_TYPE));
        return respond(response, request).header(CHANGES_SEEN, seen).build();
    }

    /**
     * JSON, or CSV when the client's Accept header prefers it, from the response cache; the representation is part
     * of the key. The answer depends on the benchmarks {@code benchmarks} with {@code metric} only.
     */
    <T> Response cachedJsonOrCsv(String endpoint, List<String> benchmarks, String metric, Object[] key,
            Supplier<T> body, Function<T, CsvTable> csv, HttpHeaders request) {
        return cachedJsonOrCsv(Optional.empty(), endpoint, benchmarks, metric, key, body, csv, request);
    }

    /**
     * The same, as of {@code asOf} when present ({@link Snapshot}): such an answer never changes, so no change
     * drops it from the cache.
     */
    <T> Response cachedJsonOrCsv(Optional<Instant> asOf, String endpoint, List<String> benchmarks, String metric,
            Object[] key, Supplier<T> body, Function<T, CsvTable> csv, HttpHeaders request) {
        boolean asCsv = prefersCsv(request);
        // Read before the cache: whatever the cache holds then already reflects the changes handled so far.
        long seen = feed.handledOffset();
        Set<ResultChange.Benchmark> boards = asOf.isPresent() ? Set.of() : benchmarks.stream()
                .map(name -> new ResultChange.Benchmark(name, metric)).collect(Collectors.toSet());
        Object[] snapshotKey = Arrays.copyOf(key, key.length + 1);
        snapshotKey[key.length] = asOf.orElse(null);
        CachedResponse response = cache.get(CacheKey.of(endpoint, asCsv, boards, snapshotKey), () -> {
            T value = Snapshot.at(asOf, body);
            return asCsv ? render(csv.apply(value).bytes(), CSV_UTF8)
                    : render(toJson(value), MediaType.APPLICATION_JSON_TYPE);
        });
        Response.ResponseBuilder answer = respond(response, request).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(CHANGES_SEEN, seen);
        if (asCsv) {
            // A download, never a page: a browser must not render a CSV that holds visitors' text.
            answer.header("Content-Disposition", "attachment; filename=\"" + endpoint + ".csv\"");
        }
        return answer.build();
    }

    private static CachedResponse render(byte[] body, MediaType type) {
        return new CachedResponse(body, type, '"' + sha256(body) + '"');
    }

    private static Response.ResponseBuilder respond(CachedResponse response, HttpHeaders request) {
        Response.ResponseBuilder builder = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                response.etag()) ? Response.notModified() : Response.ok(response.body(), response.mediaType());
        return builder.header(HttpHeaders.ETAG, response.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    Response json(Object body, HttpHeaders request) {
        return respond(render(toJson(body), MediaType.APPLICATION_JSON_TYPE), request).build();
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not prevent a match. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    /** The first acceptable type (in the client's preference order) that we can produce decides. */
    private static boolean prefersCsv(HttpHeaders request) {
        for (MediaType accepted : request.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private byte[] toJson(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
