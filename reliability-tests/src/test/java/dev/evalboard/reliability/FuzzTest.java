package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: 20,000 generated requests against query-service and chart-service. None gets a 5xx, every SVG parses
 * as XML, no response carries markup that its request injected, and every response comes within {@link #BOUND}.
 */
class FuzzTest {
    private static final int REQUESTS = 20_000;
    private static final int WORKERS = 4;
    private static final Duration BOUND = Duration.ofSeconds(5);
    /** Quarkus's default {@code quarkus.http.limits.max-initial-line-length}. */
    private static final int MAX_REQUEST_LINE = 4_096 - 20;
    /** Answers slower than this are listed in {@link #SLOWEST}, to see what costs most. */
    private static final Duration SLOW = Duration.ofSeconds(1);
    private static final Path FAILURES = Path.of("target", "reliability", "fuzz", "failures.txt");
    private static final Path SLOWEST = Path.of("target", "reliability", "fuzz", "slow.txt");

    // HTTP/1.1, as browsers and wrk speak to http:// URLs.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger shedPngs = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger svgs = new AtomicInteger();
    private final AtomicInteger clientErrors = new AtomicInteger();
    private final AtomicInteger successes = new AtomicInteger();

    @Test
    void generatedRequestsGetNoServerErrorNoInjectedMarkupAndWellFormedSvg() throws Exception {
        long seed = Seeds.seed("fuzz");
        try (FaultLab lab = FaultLab.start("fuzz", 3)) {
            ChartAndQueryStack stack = ChartAndQueryStack.start(lab);
            RequestFuzzer fuzzer = new RequestFuzzer(new Random(seed), stack.benchmarks(), stack.models());
            List<FuzzRequest> requests = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                requests.add(fuzzer.next());
            }
            warmUp(stack);
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> done = new ArrayList<>();
            for (FuzzRequest request : requests) {
                String base = request.pathAndQuery().startsWith("/charts") ? stack.chart().url() : stack.query().url();
                done.add(workers.submit(() -> send(base, request)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            workers.shutdown();

            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            long p99 = sorted.get((int) (sorted.size() * 0.99));
            long max = sorted.get(sorted.size() - 1);
            long reflected = failures.stream().filter(f -> f.startsWith("reflected")).count();
            ReliabilityReport.record("6. fuzzed query and chart requests", String.format(
                    "%,d requests (%,d 2xx/3xx, %,d 4xx, %d PNGs shed with 503 + Retry-After), 5xx %d, SVGs parsed "
                    + "%,d, injected markup reflected %d, p99 %.1f ms, max %.1f ms (bound %d s)", REQUESTS,
                    successes.get(), clientErrors.get(), shedPngs.get(), serverErrors.get(), svgs.get(), reflected,
                    p99 / 1000.0, max / 1000.0, BOUND.toSeconds()));
            Files.write(FAILURES, failures, StandardCharsets.UTF_8);
            Files.write(SLOWEST, slow, StandardCharsets.UTF_8);
            assertTrue(failures.isEmpty(), failures.size() + " failures (all in " + FAILURES + "), e.g. "
                    + failures.stream().limit(10).toList());
            assertEquals(REQUESTS, sorted.size(), "every request answered");
            assertTrue(stack.query().isAlive() && stack.chart().isAlive(), "both services still running");
        }
    }

    /** The bound is for a running service: first renders (PNG above all) load classes and compile. */
    private void warmUp(ChartAndQueryStack stack) throws Exception {
        List<String> charts = List.of("/charts/bar.svg?benchmark=AIME%202024", "/charts/bar.png?benchmark=AIME%202024",
                "/charts/scatter.svg?benchmark=AIME%202024", "/charts/scatter.png?benchmark=AIME%202024");
        for (int round = 0; round < 3; round++) {
            for (String chart : charts) {
                http.send(HttpRequest.newBuilder(URI.create(stack.chart().url() + chart)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private void send(String base, FuzzRequest request) {
        long start = System.nanoTime();
        RawHttp.Answer answer;
        try {
            answer = needsRawConnection(request) ? RawHttp.get(base, request.pathAndQuery(), request.accept())
                    : viaClient(base, request);
        } catch (Exception e) {
            failures.add("no answer (" + e + ") to " + request);
            return;
        }
        long micros = (System.nanoTime() - start) / 1_000;
        latenciesMicros.add(micros);
        check(request, answer, micros);
    }

    /** Targets the JDK client refuses (bad escapes) or must not pool (over the server's request-line limit). */
    private static boolean needsRawConnection(FuzzRequest request) {
        if (request.body() != null) {
            return false;
        }
        if (request.pathAndQuery().length() > MAX_REQUEST_LINE) {
            return true;
        }
        try {
            URI.create(request.pathAndQuery());
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private RawHttp.Answer viaClient(String base, FuzzRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .timeout(BOUND.multipliedBy(2));
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        if (request.body() != null) {
            // A body over the service's limit is refused before it is sent, as HTTP intends for large uploads.
            builder.header("Content-Type", "application/json").expectContinue(request.body().length() > 1_000_000)
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new RawHttp.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), response.body());
    }

    private void check(FuzzRequest request, RawHttp.Answer response, long micros) {
        int status = response.status();
        if (isShedPng(request, response)) {
            shedPngs.incrementAndGet();
        } else if (status >= 500) {
            serverErrors.incrementAndGet();
            failures.add(status + " for " + request);
        } else if (status >= 400) {
            clientErrors.incrementAndGet();
        } else {
            successes.incrementAndGet();
        }
        if (micros > BOUND.toNanos() / 1_000) {
            failures.add("slow (" + micros / 1000 + " ms) " + request);
        } else if (micros > SLOW.toNanos() / 1_000) {
            slow.add(micros / 1000 + " ms " + request);
        }
        String type = response.contentType();
        if (type.startsWith("image/svg+xml")) {
            svgs.incrementAndGet();
            try {
                parseXml(response.body());
            } catch (Exception e) {
                failures.add("SVG that does not parse (" + e.getMessage() + ") for " + request);
            }
        }
        if (!type.startsWith("image/png")) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            for (String markup : request.injectedMarkup()) {
                if (body.contains(markup)) {
                    failures.add("reflected " + markup + " in a " + type + " answer to " + request);
                }
            }
        }
    }

    /**
     * chart-service draws a few PNGs at a time and answers the others 503 with Retry-After (the contract's bulkhead):
     * load shed on purpose, not a server error. Only a PNG may be shed, and only with the header.
     */
    private static boolean isShedPng(FuzzRequest request, RawHttp.Answer response) {
        String path = request.pathAndQuery();
        int query = path.indexOf('?');
        return response.status() == 503 && response.retryAfter() != null
                && (query < 0 ? path : path.substring(0, query)).endsWith(".png");
    }

    private static void parseXml(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }
}
