package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.devstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Scenario 12: six 4000 x 4000 PNGs of 2,000 points at once, while small SVGs keep being asked for. No answer is a
 * 500: each PNG is drawn or refused with 503 and Retry-After (and drawn when retried), every small chart is drawn,
 * and the chart service stays under its pod memory limit.
 */
class PngFloodTest {
    private static final int LARGE_PNGS = 6;
    /** The memory limit of chart-service in k8s/. */
    private static final long RSS_LIMIT_KB = 768 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void sixLargePngsAtOnceAreDrawnOrDeferredAndNothingElseSuffers() throws Exception {
        long seed = Seeds.seed("png flood");
        try (FaultLab lab = FaultLab.start("png-flood", 1)) {
            // ingest-service migrates the schema, which query-service validates its mapping against at start-up.
            lab.startIngest("ingest");
            ServiceProcess chart = lab.startChart(lab.startQuery());
            Memory before = Memory.of(chart);
            AtomicLong peakRssKb = new AtomicLong();
            AtomicBoolean flooding = new AtomicBoolean(true);
            CompletableFuture<Integer> smallCharts = CompletableFuture.supplyAsync(() -> {
                int drawn = 0;
                while (flooding.get()) {
                    peakRssKb.accumulateAndGet(residentKb(chart.pid()), Math::max);
                    HttpResponse<byte[]> small = post(chart, "/charts/scatter.svg", scatter(new Random(seed), 800, 500));
                    assertEquals(200, small.statusCode(), "a small chart during the flood");
                    drawn++;
                }
                return drawn;
            });
            String large = scatter(new Random(seed), 4000, 4000);
            List<CompletableFuture<HttpResponse<byte[]>>> flood = new ArrayList<>();
            for (int i = 0; i < LARGE_PNGS; i++) {
                flood.add(postAsync(chart, "/charts/scatter.png", large));
            }
            int drawnAtOnce = 0;
            int deferred = 0;
            List<Integer> retries = new ArrayList<>();
            for (CompletableFuture<HttpResponse<byte[]>> answer : flood) {
                HttpResponse<byte[]> png = answer.get();
                int attempts = 0;
                while (png.statusCode() == 503) {
                    String retryAfter = png.headers().firstValue("Retry-After").orElseThrow(
                            () -> new AssertionError("a 503 without Retry-After"));
                    deferred += attempts == 0 ? 1 : 0;
                    assertTrue(++attempts <= 20, "a PNG refused 20 times in a row");
                    Thread.sleep(Duration.ofSeconds(Long.parseLong(retryAfter)).toMillis());
                    png = post(chart, "/charts/scatter.png", large);
                }
                assertEquals(200, png.statusCode(), new String(png.body(), StandardCharsets.UTF_8));
                assertTrue(Arrays.equals(PNG_SIGNATURE, Arrays.copyOf(png.body(), 4)), "a PNG");
                drawnAtOnce += attempts == 0 ? 1 : 0;
                retries.add(attempts);
            }
            flooding.set(false);
            int small = smallCharts.get();
            Memory after = Memory.of(chart);
            String log = Files.readString(chart.log());
            assertFalse(log.contains("OutOfMemoryError"), "an OutOfMemoryError escaped");
            assertTrue(deferred > 0, "six at once must exceed the bulkhead");
            assertTrue(peakRssKb.get() < RSS_LIMIT_KB, "resident size " + peakRssKb.get() / 1024 + " MB");
            ReliabilityReport.record("12. six 4000x4000 PNGs at once", String.format(Locale.ROOT,
                    "%d drawn at once, %d deferred with 503 + Retry-After and drawn on retry (retries %s), no 500; "
                    + "%d small SVGs drawn meanwhile; peak RSS %d MB (limit %d); %s", drawnAtOnce, deferred, retries,
                    small, peakRssKb.get() / 1024, RSS_LIMIT_KB / 1024, before.change(after)));
        }
    }

    /** A POST scatter body of 2,000 labelled points. */
    private static String scatter(Random random, int width, int height) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            points.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"model\":\"flood-model-%d\",\"x\":%.0f,\"y\":%.3f,\"openness\":\"open-weights\"}", i,
                    Math.pow(10, 8 + 4 * random.nextDouble()), 100 * random.nextDouble()));
        }
        return "{\"title\":\"flood\",\"frontier\":true,\"width\":" + width + ",\"height\":" + height
                + ",\"points\":[" + points + "]}";
    }

    private static CompletableFuture<HttpResponse<byte[]>> postAsync(ServiceProcess chart, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(chart.url() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(ServiceProcess chart, String path, String body) {
        return postAsync(chart, path, body).join();
    }

    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
