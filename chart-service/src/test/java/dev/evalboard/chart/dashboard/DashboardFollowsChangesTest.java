package dev.evalboard.chart.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.rest.FakeQueryService;
import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.devstack.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Open pages hear of changes through chart-service's own stream ({@code /changes}), only of their benchmarks; a page
 * asked for after a change waits (boundedly) until query-service's answer shows it.
 */
@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
@QuarkusTestResource(KafkaTestResource.class)
class DashboardFollowsChangesTest {
    private static final String OTHER = "Some Other Bench";
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/changes")
    URL changes;

    @AfterEach
    void reset() {
        FakeQueryService.CHANGES_SEEN.set(-1);
    }

    @Test
    void aPageHearsOfChangesToItsBenchmarkAndOfNoOther() throws Exception {
        createFeedTopic();
        try (EventStream stream = open(FakeBoardService.BENCHMARK, null)) {
            long first = announceUntilHeard(stream, FakeBoardService.BENCHMARK);
            announce(OTHER);
            long second = announce(FakeBoardService.BENCHMARK);
            Event next = stream.next();
            assertEquals(new Event("changed", second), next, "the other benchmark's change (after " + first
                    + ") is not told");
        }
    }

    @Test
    void aPageThatComesBackAfterMissingChangesIsToldToReload() throws Exception {
        createFeedTopic();
        long heard;
        try (EventStream stream = open(FakeBoardService.BENCHMARK, null)) {
            announceUntilHeard(stream, FakeBoardService.BENCHMARK);
            heard = announce(FakeBoardService.BENCHMARK);
            assertEquals(new Event("changed", heard), stream.next());
        }
        try (EventStream again = open(FakeBoardService.BENCHMARK, heard - 1)) {
            assertEquals(new Event("reload", heard), again.next());
        }
    }

    @Test
    void aPageAskedForAfterAChangeWaitsUntilQueryServiceShowsIt() throws Exception {
        createFeedTopic();
        long offset;
        try (EventStream stream = open(FakeBoardService.BENCHMARK, null)) {
            offset = announceUntilHeard(stream, FakeBoardService.BENCHMARK);
        }
        FakeQueryService.CHANGES_SEEN.set(offset - 1);
        CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS)
                .execute(() -> FakeQueryService.CHANGES_SEEN.set(offset));
        long start = System.nanoTime();
        given().queryParam("benchmark", FakeBoardService.BENCHMARK).get("/leaderboard").then().statusCode(200);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 350, "answered after " + waited + " ms, before query-service showed the change");

        FakeQueryService.CHANGES_SEEN.set(offset - 1);
        start = System.nanoTime();
        given().queryParam("benchmark", FakeBoardService.BENCHMARK).get("/leaderboard").then().statusCode(200);
        waited = (System.nanoTime() - start) / 1_000_000;
        long bound = PageData.CATCH_UP_TRIES * PageData.CATCH_UP_PAUSE_MS;
        assertTrue(waited >= bound && waited < bound + 5_000, "a lagging query-service delays a page by about "
                + bound + " ms, not more: " + waited + " ms");
    }

    /** Announces a change to the benchmark until the stream tells it (the subscription starts asynchronously). */
    private static long announceUntilHeard(EventStream stream, String benchmark) throws Exception {
        for (int i = 0; i < 30; i++) {
            long offset = announce(benchmark);
            Event event = stream.poll(Duration.ofSeconds(1));
            if (event != null) {
                // Later announcements of this loop may still be on their way: wait for the last one.
                while (event.id() < offset) {
                    event = stream.next();
                }
                return event.id();
            }
        }
        throw new AssertionError("the stream told no change within 30 s");
    }

    private EventStream open(String benchmark, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(changes + "?benchmark="
                + benchmark.replace(" ", "%20")));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId.toString());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            // An event's fields (id, event, data) in any order, ended by a blank line.
            String name = null;
            Long id = null;
            try {
                for (String line : (Iterable<String>) response.join().body()::iterator) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).strip());
                    } else if (line.isEmpty()) {
                        if (name != null && id != null) {
                            events.add(new Event(name, id));
                        }
                        name = null;
                        id = null;
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new EventStream(events, response);
    }

    record Event(String name, long id) {
    }

    record EventStream(BlockingQueue<Event> events, CompletableFuture<HttpResponse<Stream<String>>> response)
            implements AutoCloseable {
        Event poll(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        Event next() throws InterruptedException {
            Event event = poll(Duration.ofSeconds(10));
            if (event == null) {
                throw new AssertionError("no event within 10 s");
            }
            return event;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
        }
    }

    private static long announce(String benchmark) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                KafkaTestResource.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(EventTopics.CHANGES, ResultChange.of("0/0",
                    List.of(new ResultChange.Benchmark(benchmark, "pass@1")), List.of()).toJson())).get().offset();
        }
    }

    /** Ingest creates the feed; here the test does. chart-service may join it late: see announceUntilHeard. */
    private static void createFeedTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(EventTopics.CHANGES)) {
                admin.createTopics(List.of(new NewTopic(EventTopics.CHANGES, 1, (short) 1))).all().get();
            }
        }
    }
}
