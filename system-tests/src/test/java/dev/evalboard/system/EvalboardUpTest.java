package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalboard.devstack.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./evalboard up} as a user runs it: it prints working URLs, the dashboard first, the leaderboard holds the
 * reference data, both charts come back as SVG and show in a real browser, the dashboard works in one
 * ({@link DashboardCheck}); stopping it leaves no process and no port behind; what was
 * published is still there after the next start.
 */
class EvalboardUpTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Charts were 30 s behind the data before the change feed; reliability scenario 10 measures the second aimed at.
    private static final Duration CHART_FOLLOWS_WITHIN = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void upServesTheReferenceDataStopsCleanlyAndKeepsDataAcrossRestarts() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("EVALBOARD_DATA_DIR", dataDir.toString());
        for (String port : List.of("EVALBOARD_KAFKA_PORT", "EVALBOARD_POSTGRES_PORT", "EVALBOARD_INGEST_PORT",
                "EVALBOARD_QUERY_PORT", "EVALBOARD_CHART_PORT")) {
            env.put(port, Integer.toString(FreePorts.pick()));
        }
        String model = "e2e-model-" + UUID.randomUUID().toString().substring(0, 8);

        try (RunningStack stack = RunningStack.start(env)) {
            JsonNode leaderboard = getJson(stack.url("Leaderboard"));
            JsonNode leader = leaderboard.get("entries").get(0);
            assertEquals("AM-Distill-Qwen-72B", leader.get("model").asText());
            assertEquals(76.5, leader.get("score").asDouble());
            String barSvg = assertSvg(stack.url("Bar chart"));
            String scatterSvg = assertSvg(stack.url("Scatter chart"));
            Path screenshot = Path.of("target/embedded-charts.png").toAbsolutePath();
            EmbeddedChartsCheck.check(stack.url("Bar chart"), barSvg, stack.url("Scatter chart"), scatterSvg,
                    dataDir, screenshot);
            assertEquals("Dashboard", stack.firstListed(), "the dashboard is the first address printed");
            DashboardCheck.check(stack.url("Dashboard"), stack.value("Kafka bootstrap"), dataDir,
                    REPO.resolve("docs"));

            // The scatter was drawn (and cached) above: the change feed has it drawn again with the new model.
            publish(stack.value("Kafka bootstrap"), model);
            long published = System.nanoTime();
            awaitBodyContaining(stack.url("Scatter chart"), model, CHART_FOLLOWS_WITHIN);
            System.out.printf("[system] published result shown in the printed scatter chart URL after %d ms%n",
                    (System.nanoTime() - published) / 1_000_000);
            // Quarkus redirects the printed address to the one with a slash; a browser follows.
            assertEquals(200, get(stack.url("Swagger UI") + "/").statusCode(), "Swagger UI, on the management port");
            String modelUrl = modelUrl(stack, model);
            awaitStatus(modelUrl, 200, Duration.ofSeconds(60));
            stack.stopAndAssertNothingLeft(env);
        }

        try (RunningStack again = RunningStack.start(env)) {
            String modelUrl = modelUrl(again, model);
            assertEquals(200, get(modelUrl).statusCode(), "the event published before the restart is still there");
            again.stopAndAssertNothingLeft(env);
        }
    }

    private void awaitBodyContaining(String url, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!get(url).body().contains(text)) {
            assertTrue(System.nanoTime() < deadline, text + " not in " + url + " within " + timeout);
            Thread.sleep(20);
        }
    }

    private static String modelUrl(RunningStack stack, String model) {
        return stack.url("Leaderboard").replaceFirst("/api/v1/leaderboards/.*", "/api/v1/models/")
                + URLEncoder.encode(model, StandardCharsets.UTF_8);
    }

    private void publish(String bootstrap, String model) throws Exception {
        String event = "{\"eventId\":\"" + model + "\",\"model\":{\"name\":\"" + model + "\",\"parameters\":"
                + "7000000000,\"openness\":\"open-weights\"},\"benchmark\":\"LiveCodeBench v5\",\"score\":12.5}";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("eval.results", model, event)).get(30, TimeUnit.SECONDS);
        }
    }

    private String assertSvg(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), url);
        assertTrue(response.body().startsWith("<svg"), url);
        return response.body();
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return MAPPER.readTree(response.body());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitStatus(String url, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            last = get(url).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " answered " + last + ", not " + status);
    }

    /** {@code ./evalboard up} in the background, with what it printed. */
    private static final class RunningStack implements AutoCloseable {
        private final Process process;
        private final List<String> output;

        private RunningStack(Process process, List<String> output) {
            this.process = process;
            this.output = output;
        }

        static RunningStack start(Map<String, String> env) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("./evalboard", "up").directory(REPO.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            List<String> output = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (output) {
                            output.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            RunningStack stack = new RunningStack(process, output);
            stack.awaitLine("Evalboard is running", Duration.ofMinutes(5));
            return stack;
        }

        private void awaitLine(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (output) {
                    if (output.stream().anyMatch(line -> line.contains(text))) {
                        return;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("'" + text + "' was not printed; the output was:\n" + String.join("\n", lines()));
        }

        private List<String> lines() {
            synchronized (output) {
                return List.copyOf(output);
            }
        }

        /** The value printed after a label, such as the URL after "Leaderboard". */
        String value(String label) {
            return lines().stream().map(String::strip).filter(line -> line.startsWith(label + " "))
                    .map(line -> line.substring(label.length()).strip().split("\\s+")[0])
                    .findFirst().orElseThrow(() -> new AssertionError("no '" + label + "' line in " + lines()));
        }

        /** The label of the first line listed under "Evalboard is running". */
        String firstListed() {
            List<String> lines = lines();
            int running = lines.indexOf(lines.stream().filter(line -> line.contains("Evalboard is running"))
                    .findFirst().orElseThrow());
            return lines.get(running + 1).strip().split("\\s{2,}")[0];
        }

        String url(String label) {
            String url = value(label);
            assertTrue(url.startsWith("http://localhost:"), url);
            return url;
        }

        /** Ctrl-C's signal, then: the process tree is gone and every port it used is free again. */
        void stopAndAssertNothingLeft(Map<String, String> env) throws Exception {
            List<ProcessHandle> tree = process.descendants().toList();
            assertFalse(tree.isEmpty(), "the services run as child processes");
            process.destroy();
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "evalboard stopped within 90 s");
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "left behind: " + child.info());
            }
            for (Map.Entry<String, String> setting : env.entrySet()) {
                if (setting.getKey().endsWith("_PORT")) {
                    int port = Integer.parseInt(setting.getValue());
                    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                        assertEquals(port, socket.getLocalPort());
                    } catch (IOException e) {
                        throw new AssertionError(setting.getKey() + " " + port + " is still in use", e);
                    }
                }
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
