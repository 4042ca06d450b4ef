package dev.evalboard.chart.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.chart.dashboard.LiveChanges;
import dev.evalboard.contract.EventTopics;
import dev.evalboard.contract.change.ResultChange;
import dev.evalboard.devstack.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chart follows the change feed: a change to its benchmark has its data loaded again (the cache's TTL is 30 s, so
 * only the feed can do it here), at once if the chart was read since it was loaded, and an answer that reflects fewer
 * changes than were heard of is drawn but not kept.
 */
@QuarkusTest
@QuarkusTestResource(FakeQueryService.class)
@QuarkusTestResource(KafkaTestResource.class)
class ChartsFollowTheChangeFeedTest {
    private static final String BENCHMARK = "AIME 2024";
    private static final String PROGRESS_BENCHMARK = "LiveCodeBench v5";

    @Inject
    LiveChanges live;

    @AfterEach
    void reset() {
        FakeQueryService.SCORE_SHIFT.set(0);
        FakeQueryService.CHANGES_SEEN.set(-1);
    }

    @Test
    void aChangedBenchmarksChartIsDrawnFromNewDataAndAnOlderAnswerIsNotKept() throws Exception {
        createFeedTopic();
        String before = bar();
        assertEquals(before, bar(), "cached");
        long hits = tableHits();

        FakeQueryService.SCORE_SHIFT.set(-7);
        long offset = announce(new ResultChange.Benchmark(BENCHMARK, "pass@1"));
        // query-service has not seen the change yet: its newer answer is drawn, but asked for again.
        FakeQueryService.CHANGES_SEEN.set(offset - 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !bar().equals(before));
        long drawn = tableHits();
        await().atMost(Duration.ofSeconds(5)).until(() -> tableHits() > drawn);

        FakeQueryService.CHANGES_SEEN.set(offset);
        await().atMost(Duration.ofSeconds(30)).until(ChartsFollowTheChangeFeedTest::queryServiceLeftAlone);
        String fresh = bar();
        long settled = tableHits();
        assertEquals(fresh, bar());
        assertEquals(settled, tableHits(), "an answer that reflects the change is kept");
        assertTrue(settled > hits);
    }

    /** No call to query-service for longer than the background reload waits between two of its calls. */
    private static boolean queryServiceLeftAlone() throws InterruptedException {
        long hits = tableHits();
        Thread.sleep(500);
        return tableHits() == hits;
    }

    @Test
    void aChartBeingLookedAtIsLoadedAgainWhenItsBenchmarkChangesNotWhenNextRequested() throws Exception {
        createFeedTopic();
        String before = bar();
        assertEquals(before, bar(), "cached, and read since it was loaded");
        long hits = tableHits();

        // A shift no other test uses: the chart may come cached from one of them.
        FakeQueryService.SCORE_SHIFT.set(-3);
        FakeQueryService.CHANGES_SEEN.set(Long.MAX_VALUE);
        announce(new ResultChange.Benchmark(BENCHMARK, "pass@1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tableHits() > hits);
        long reloaded = tableHits();
        String after = bar();
        assertTrue(!after.equals(before), "drawn from the new data");
        assertEquals(reloaded, tableHits(), "the request found the new data loaded");
    }

    @Test
    void aReloadWaitingForQueryServiceHoldsBackNoOtherChangeAndPagesHearOfChangesInFeedOrder() throws Exception {
        createFeedTopic();
        bar();
        bar();
        progress();
        progress();
        long tableHits = tableHits();
        long progressHits = progressHits();
        List<Long> heard = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = live.subscribe(change -> heard.add(change.offset()));
        try {
            // query-service has handled neither change (CHANGES_SEEN -1): the bar chart's reload asks again for ~3 s.
            long first = announce(new ResultChange.Benchmark(BENCHMARK, "pass@1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> tableHits() > tableHits + 1);
            long second = announce(new ResultChange.Benchmark(PROGRESS_BENCHMARK, "pass@1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> progressHits() > progressHits);
            long asked = tableHits();
            await().atMost(Duration.ofSeconds(1)).until(() -> tableHits() > asked);
            assertTrue(heard.stream().noneMatch(offset -> offset >= first), "no page hears before the bar's reload");

            FakeQueryService.CHANGES_SEEN.set(Long.MAX_VALUE);
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(second));
            assertEquals(List.of(first, second), heard.stream().filter(offset -> offset >= first).toList());
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aChangeToAnotherBenchmarkKeepsTheChart() throws Exception {
        createFeedTopic();
        bar();
        long hits = tableHits();
        long offset = announce(new ResultChange.Benchmark("Some Other Bench", "pass@1"));
        FakeQueryService.CHANGES_SEEN.set(offset);
        Thread.sleep(500); // time for the feed to be read: nothing must happen
        bar();
        assertEquals(hits, tableHits());
    }

    @Test
    void aChangedBenchmarksProgressChartIsDrawnFromNewData() throws Exception {
        createFeedTopic();
        String before = progress();
        long hits = progressHits();
        assertEquals(before, progress(), "cached");
        assertEquals(hits, progressHits());

        FakeQueryService.SCORE_SHIFT.set(5);
        FakeQueryService.CHANGES_SEEN.set(announce(new ResultChange.Benchmark(PROGRESS_BENCHMARK, "pass@1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !progress().equals(before));
        assertTrue(progressHits() > hits);
    }

    private static String progress() {
        return given().queryParam("benchmark", PROGRESS_BENCHMARK).when().get("/charts/progress.svg").then()
                .statusCode(200).extract().asString();
    }

    private static long progressHits() {
        return FakeQueryService.HITS.entrySet().stream().filter(e -> e.getKey().contains("/progress?"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private static String bar() {
        return given().queryParam("benchmark", BENCHMARK).queryParam("benchmark", "MATH-500")
                .when().get("/charts/bar.svg").then().statusCode(200).extract().asString();
    }

    private static long tableHits() {
        return FakeQueryService.HITS.entrySet().stream()
                .filter(e -> e.getKey().startsWith("/api/v1/leaderboard") && e.getKey().contains("AIME"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private static long announce(ResultChange.Benchmark benchmark) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                KafkaTestResource.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(EventTopics.CHANGES,
                    ResultChange.of("0/0", List.of(benchmark), List.of()).toJson())).get().offset();
        }
    }

    /**
     * Ingest creates the feed; here the test does, and waits until chart-service reads it: a barrier change is heard.
     * The reader starts at the feed's end once it has its partition, so a change sent just before may be missed, and
     * the barrier is sent again until one is heard.
     */
    private void createFeedTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(EventTopics.CHANGES)) {
                admin.createTopics(List.of(new NewTopic(EventTopics.CHANGES, 1, (short) 1))).all().get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            long barrier = announce(new ResultChange.Benchmark("Barrier Bench", "pass@1"));
            try {
                await().atMost(Duration.ofSeconds(3)).until(() -> live.latestOffset() >= barrier);
                return true;
            } catch (ConditionTimeoutException notYet) {
                return false;
            }
        });
    }
}
