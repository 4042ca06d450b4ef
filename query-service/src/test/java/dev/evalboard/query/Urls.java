package dev.evalboard.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encodes names as a browser would, so that tests control exactly what goes on the wire. */
public final class Urls {
    private Urls() {
    }

    /** One path segment or query value: everything but unreserved characters is percent-encoded (UTF-8). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
