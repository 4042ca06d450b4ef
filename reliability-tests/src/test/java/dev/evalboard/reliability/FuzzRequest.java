package dev.evalboard.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated HTTP request: method, path with query, Accept header (null for none), body (null for GET), and the
 * pieces of markup it tries to inject, which no response may carry back unescaped.
 */
record FuzzRequest(String method, String pathAndQuery, String accept, String body, List<String> injectedMarkup) {

    @Override
    public String toString() {
        String shown = method + " " + pathAndQuery + (accept == null ? "" : " [Accept: " + accept + "]")
                + (body == null ? "" : " [body: " + body.getBytes(StandardCharsets.UTF_8).length + " bytes]");
        return shown.length() > 300 ? shown.substring(0, 300) + "..." : shown;
    }
}
