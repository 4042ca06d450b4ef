package dev.evalboard.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: query-service and chart-service under wrk for five minutes while ingest stores a steady stream of
 * re-evaluations (which also keeps invalidating the response caches). No errors, and memory stays flat: the live heap
 * after a full collection ends within {@link #LIVE_HEAP_GROWTH_BOUND} of where it was after the warm-up. Resident
 * size is reported and must stay under the pods' memory limit; it is no leak detector on its own, because the JVM keeps
 * touching more of its heap under load (one run went from 218 to 340 MB with the live heap at 11 MB throughout).
 */
class SoakTest {
    private static final Duration SOAK = Duration.parse(System.getProperty("reliability.soak", "PT5M"));
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final int INGEST_PER_SECOND = 100;
    /** The memory limit of query-service and chart-service in k8s/. */
    private static final long RSS_LIMIT_KB = 768 * 1024;
    private static final double LIVE_HEAP_GROWTH_BOUND = 1.25;
    /** Live heaps are about 10 MB here: a few MB either way is noise (class metadata, a cache filling to its bound). */
    private static final long LIVE_HEAP_SLACK_BYTES = 4L << 20;
    /** Re-evaluations of this many models: the charts of the benchmarks they touch stay within the point bound. */
    private static final int SOAK_MODELS = 300;

    @Test
    void fiveMinutesOfLoadWhileIngestingGiveNoErrorsAndFlatMemory() throws Exception {
        long seed = Seeds.seed("soak");
        try (FaultLab lab = FaultLab.start("soak", 3)) {
            ChartAndQueryStack stack = ChartAndQueryStack.start(lab);
            int events = (int) ((SOAK.toSeconds() + WARM_UP.toSeconds() + 10) * INGEST_PER_SECOND);
            List<SentEvent> stream = ResultStream.generate("soak", events, SOAK_MODELS, seed);
            try (StreamPublisher publisher = StreamPublisher.start(lab.bootstrapServers(),
                    IngestOutcome.messages(stream), INGEST_PER_SECOND)) {
                load(stack, WARM_UP);
                Memory queryStart = Memory.of(stack.query());
                Memory chartStart = Memory.of(stack.chart());
                int storedBefore = lab.storedCount("soak");
                List<Wrk.Result> results = load(stack, SOAK);
                Memory queryEnd = Memory.of(stack.query());
                Memory chartEnd = Memory.of(stack.chart());
                int storedDuring = lab.storedCount("soak") - storedBefore;

                Wrk.Result query = results.get(0);
                Wrk.Result chart = results.get(1);
                ReliabilityReport.record("7. soak: " + SOAK.toMinutes() + " min of wrk while ingesting", String.format(
                        "query %,d requests, chart %,d requests, errors %d; %,d events stored meanwhile; query %s, "
                        + "chart %s", query.requests(), chart.requests(), query.errors() + chart.errors(),
                        storedDuring, queryStart.change(queryEnd), chartStart.change(chartEnd)));
                assertEquals(0, query.errors(), query.output());
                assertEquals(0, chart.errors(), chart.output());
                assertTrue(storedDuring > 0, "ingest kept storing during the soak");
                for (Memory[] service : List.of(new Memory[] {queryStart, queryEnd},
                        new Memory[] {chartStart, chartEnd})) {
                    String change = service[0].change(service[1]);
                    assertTrue(service[1].liveHeapBytes()
                            <= service[0].liveHeapBytes() * LIVE_HEAP_GROWTH_BOUND + LIVE_HEAP_SLACK_BYTES,
                            "live heap grew: " + change);
                    assertTrue(service[1].residentKb() < RSS_LIMIT_KB, "over the pod memory limit: " + change);
                }
                publisher.awaitAllAcknowledged(Duration.ofMinutes(2));
            }
        }
    }

    /** Both services under wrk at once for {@code duration}: query first, chart second. */
    private static List<Wrk.Result> load(ChartAndQueryStack stack, Duration duration) throws Exception {
        Wrk query = Wrk.start(stack.query().url(), queryPaths(stack), duration, 8);
        Wrk chart = Wrk.start(stack.chart().url(), chartPaths(stack), duration, 8);
        return List.of(query.await(), chart.await());
    }

    private static List<String> queryPaths(ChartAndQueryStack stack) {
        String hostile = encode(ChartAndQueryStack.HOSTILE_MODEL_NAMES.get(0));
        return List.of("/api/v1/leaderboards/AIME%202024", "/api/v1/benchmarks",
                "/api/v1/leaderboard?benchmark=AIME%202024&benchmark=MATH-500&benchmark=GPQA%20Diamond"
                        + "&benchmark=LiveCodeBench",
                "/api/v1/pareto?benchmark=LiveCodeBench%20v5&x=parameters", "/api/v1/models/" + hostile,
                "/api/v1/leaderboards/MATH-500?limit=100", "/api/v1/models?q=soak&limit=50");
    }

    private static List<String> chartPaths(ChartAndQueryStack stack) {
        return List.of("/charts/bar.svg?benchmark=AIME%202024&benchmark=MATH-500&benchmark=GPQA%20Diamond"
                        + "&benchmark=LiveCodeBench&model=AM-Distill-Qwen-32B&model=DeepSeek-R1-Distill-Qwen-32B"
                        + "&model=AM-Distill-Qwen-72B&model=DeepSeek-R1-Distill-Llama-70B&highlight=AM-Distill-Qwen-32B"
                        + "&yMin=30&yMax=100",
                "/charts/scatter.svg?benchmark=LiveCodeBench%20v5&x=parameters&logX=true&frontier=true"
                        + "&highlight=DASD-4B-Thinking&highlightLabel=Our%20Model",
                "/charts/bar.svg?benchmark=AIME%202024&benchmark=LiveCodeBench%20v5&theme=dark",
                "/charts/scatter.svg?benchmark=AIME%202024&x=parameters&title="
                        + encode(ChartAndQueryStack.HOSTILE_MODEL_NAMES.get(1)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
