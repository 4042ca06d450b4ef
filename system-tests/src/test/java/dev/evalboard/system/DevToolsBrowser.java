package dev.evalboard.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven through the DevTools protocol: a page target over a WebSocket (java.net.http), found
 * through {@code --remote-debugging-port=0} and the DevToolsActivePort file Chromium writes into its profile.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final String BINARY = "/usr/bin/chromium";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaitedEvents = new ConcurrentHashMap<>();

    private DevToolsBrowser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static DevToolsBrowser launch(Path workDir) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError(BINARY + " is missing: apt-get install chromium (.ci/run does)");
        }
        Path profile = Files.createTempDirectory(workDir, "chromium-devtools");
        Process process = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("chromium-devtools.log").toFile()).start();
        try {
            int port = debuggingPort(profile.resolve("DevToolsActivePort"), process);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = null;
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    pageSocket = target.get("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                throw new AssertionError("Chromium has no page target: " + targets);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener)
                    .get(30, TimeUnit.SECONDS);
            DevToolsBrowser browser = new DevToolsBrowser(process, socket);
            listener.browser = browser;
            browser.send("Page.enable", Map.of());
            browser.send("Runtime.enable", Map.of());
            return browser;
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static int debuggingPort(Path activePort, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("Chromium exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Chromium wrote no DevToolsActivePort within 30 s");
    }

    /** Sends a command and waits for its result; a protocol error fails the test. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
        JsonNode message = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new AssertionError(method + " failed: " + message.get("error"));
        }
        return message.path("result");
    }

    /** Opens a URL and waits for its load event. */
    void navigate(String url) throws Exception {
        whileLoading(() -> send("Page.navigate", Map.of("url", url)));
    }

    /** Runs something that navigates (a form submitted, a link followed) and waits for the new page's load event. */
    void whileLoading(ThrowingRunnable navigation) throws Exception {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        awaitedEvents.put("Page.loadEventFired", loaded);
        navigation.run();
        loaded.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression in the page (promises awaited). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError(expression + " threw " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true; returns how long that took. */
    Duration awaitTrue(String expression, Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (!evaluate(expression).asBoolean(false)) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("not true within " + timeout + ": " + expression);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The viewport's width and height, and the colour scheme the page sees. */
    void emulate(int width, int height, boolean dark) throws Exception {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        send("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    void pressTab() throws Exception {
        for (String type : List.of("keyDown", "keyUp")) {
            send("Input.dispatchKeyEvent", Map.of("type", type, "key", "Tab", "code", "Tab",
                    "windowsVirtualKeyCode", 9));
        }
    }

    void screenshot(Path png) throws Exception {
        String data = send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is stopped below either way
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            } else if (message.has("method")) {
                CompletableFuture<JsonNode> awaited = awaitedEvents.remove(message.get("method").asText());
                if (awaited != null) {
                    awaited.complete(message.path("params"));
                }
            }
        } catch (Exception e) {
            pending.values().forEach(answer -> answer.completeExceptionally(e));
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Puts a message's fragments together and hands each whole message over. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();
        private volatile DevToolsBrowser browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String whole = message.toString();
                message.setLength(0);
                if (browser != null) {
                    browser.received(whole);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
