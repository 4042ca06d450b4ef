package dev.evalboard.devstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Counters of a service's Prometheus endpoint whose series match a pattern, read before and after a measurement, so
 * that the report says what happened inside the service meanwhile (cache hits and misses, timeouts, breaker trips).
 */
record MetricCounts(Map<String, Double> series) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The matching counter series of {@code managementUrl}/q/metrics; empty when the endpoint does not answer. */
    static MetricCounts read(String managementUrl, Pattern names) {
        Map<String, Double> series = new TreeMap<>();
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0 && names.matcher(line).find()) {
                    series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
        } catch (Exception e) {
            // A report without these counters, not a failed benchmark.
        }
        return new MetricCounts(series);
    }

    /** What each series counted since {@code before}, the series that did not move left out. */
    String since(MetricCounts before) {
        return series.entrySet().stream()
                .filter(e -> e.getValue() - before.series.getOrDefault(e.getKey(), 0.0) > 0)
                .map(e -> String.format(Locale.ROOT, "%s +%.0f", e.getKey(),
                        e.getValue() - before.series.getOrDefault(e.getKey(), 0.0)))
                .collect(Collectors.joining(", "));
    }
}
