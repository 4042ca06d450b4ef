package dev.evalboard.chart.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** A path with its query string, every value percent-encoded (spaces as %20, so links read as the API's do). */
final class Query {
    private final StringBuilder url;
    private boolean first = true;

    private Query(String path) {
        this.url = new StringBuilder(path);
    }

    static Query of(String path) {
        return new Query(path);
    }

    Query add(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return this;
        }
        url.append(first ? '?' : '&').append(name).append('=').append(encode(value.toString()));
        first = false;
        return this;
    }

    Query addAll(String name, Collection<?> values) {
        values.forEach(value -> add(name, value));
        return this;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
