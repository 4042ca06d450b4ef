package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dashboard of a running {@code ./evalboard up}, in headless Chromium: the reference leaderboard, a filter, a
 * published result arriving on the open page without a reload, a hostile model name shown as text, the dark theme and
 * a 360 px screen; screenshots of the leaderboard, light and dark, wide and narrow, into docs/.
 */
final class DashboardCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The bound: a published result shows on an open page within 2 s, tables and charts. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);
    private static final String ROW_MODELS = "Array.from(document.querySelectorAll('#board tbody th a'))"
            + ".map(a => a.textContent)";

    private DashboardCheck() {
    }

    static void check(String dashboard, String kafka, Path workDir, Path docs) throws Exception {
        long start = System.nanoTime();
        assertPageHeaders(dashboard);
        try (DevToolsBrowser browser = DevToolsBrowser.launch(workDir)) {
            browser.emulate(1280, 1000, false);
            browser.navigate(dashboard);
            String board = browser.evaluate("Array.from(document.querySelectorAll('tbody th a'))"
                    + ".find(a => a.textContent === 'AIME 2024').href").asText();
            browser.navigate(board);
            assertEquals("AM-Distill-Qwen-72B", browser.evaluate(ROW_MODELS + "[0]").asText(),
                    "the reference leaderboard's leader on AIME 2024");
            screenshots(browser, docs);
            browser.emulate(1280, 1000, false);
            assertKeyboardAndLabels(browser);
            assertEmbedCode(browser);

            assertFilterNarrows(browser);
            browser.navigate(board);
            assertLiveAndEscaped(browser, dashboard, kafka);
        }
        System.out.printf("[system] dashboard checked in Chromium in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void assertPageHeaders(String dashboard) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
    }

    /** Tab first reaches the skip link; every form control has a label; tables have captions and header cells. */
    private static void assertKeyboardAndLabels(DevToolsBrowser browser) throws Exception {
        browser.pressTab();
        assertEquals("skip", browser.evaluate("document.activeElement.className").asText());
        assertEquals(0, browser.evaluate("Array.from(document.querySelectorAll('input:not([type=hidden]), select, "
                + "textarea')).filter(c => c.labels.length === 0).length").asInt(), "controls without a label");
        assertTrue(browser.evaluate("document.querySelector('#board table caption') !== null && "
                + "document.querySelectorAll('#board thead th[scope=col]').length >= 5").asBoolean());
    }

    /** The embed code names the same absolute chart URL the page shows, and that URL answers an SVG. */
    private static void assertEmbedCode(DevToolsBrowser browser) throws Exception {
        String markdown = browser.evaluate("document.getElementById('top-chart-md').value").asText();
        String html = browser.evaluate("document.getElementById('top-chart-html').value").asText();
        String src = browser.evaluate("document.querySelector('#board picture img').src").asText();
        assertTrue(markdown.startsWith("![") && markdown.endsWith("(" + src + ")"), markdown + " vs " + src);
        assertTrue(html.startsWith("<img src=\"" + src.replace("&", "&amp;") + "\""), html);
        HttpResponse<String> chart = HTTP.send(HttpRequest.newBuilder(URI.create(src)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(chart.body().startsWith("<svg"), src);
    }

    private static void screenshots(DevToolsBrowser browser, Path docs) throws Exception {
        for (int width : new int[] {1280, 360}) {
            for (boolean dark : new boolean[] {false, true}) {
                browser.emulate(width, width == 360 ? 1500 : 1000, dark);
                browser.awaitTrue("(() => { const img = document.querySelector('#board picture img'); "
                        + "return img.complete && img.currentSrc.includes('theme=dark') === " + dark + "; })()",
                        Duration.ofSeconds(10));
                String background = "getComputedStyle(document.body).backgroundColor";
                // #14171b in the dark theme, white in the light one.
                assertEquals(dark ? "rgb(20, 23, 27)" : "rgb(255, 255, 255)", browser.evaluate(background).asText());
                if (width == 360) {
                    assertTrue(browser.evaluate("document.documentElement.scrollWidth <= 360").asBoolean(),
                            "the page fits 360 px (wide tables scroll inside their own box)");
                }
                browser.screenshot(docs.resolve("dashboard-" + (width == 360 ? "360-" : "")
                        + (dark ? "dark" : "light") + ".png"));
            }
        }
    }

    private static void assertFilterNarrows(DevToolsBrowser browser) throws Exception {
        int before = browser.evaluate(ROW_MODELS + ".length").asInt();
        browser.whileLoading(() -> browser.evaluate("document.getElementById('q').value = 'qwen'; "
                + "document.querySelector('form.filters').requestSubmit(); true"));
        JsonNode models = browser.evaluate(ROW_MODELS);
        assertTrue(models.size() > 0 && models.size() < before, "the filter narrows " + before + " rows to "
                + models);
        models.forEach(m -> assertTrue(m.asText().toLowerCase().contains("qwen"), m.asText()));
    }

    /**
     * On the open page: a new leader appears in the table within 2 s and in the chart, without a reload; a name
     * made of markup shows as text and runs nothing.
     */
    private static void assertLiveAndEscaped(DevToolsBrowser browser, String dashboard, String kafka) throws Exception {
        browser.awaitTrue("document.getElementById('live-status').textContent === 'Live'", Duration.ofSeconds(10));
        browser.evaluate("window.evalboardSamePage = true");
        String leader = "live-" + UUID.randomUUID().toString().substring(0, 8);
        publish(kafka, leader, 99.5);
        Duration shown = browser.awaitTrue(ROW_MODELS + "[0] === '" + leader + "'", LIVE_WITHIN.plusSeconds(3));
        System.out.printf("[system] published result shown on the open dashboard after %d ms (no reload)%n",
                shown.toMillis());
        assertTrue(shown.compareTo(LIVE_WITHIN) <= 0, "shown after " + shown.toMillis() + " ms");
        assertTrue(browser.evaluate("window.evalboardSamePage === true").asBoolean(), "the page was not reloaded");
        // The chart shown is the one fetched after the change: the same bytes (ETag) as the chart that has the leader.
        String chartUrl = browser.evaluate("document.querySelector('#board picture').dataset.src").asText();
        URI chart = URI.create(dashboard).resolve(chartUrl);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            HttpResponse<String> current = HTTP.send(HttpRequest.newBuilder(chart).build(),
                    HttpResponse.BodyHandlers.ofString());
            String etag = current.headers().firstValue("ETag").orElseThrow();
            String displayed = browser.evaluate("document.querySelector('#board picture img').dataset.etag || ''")
                    .asText();
            if (current.body().contains(leader) && etag.equals(displayed)) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the chart on the page shows " + leader + " within 5 s");
            Thread.sleep(50);
        }

        String hostile = "<img src=x onerror=\"window.evalboardRan=1\">" + leader;
        publish(kafka, hostile, 98.5);
        browser.awaitTrue(ROW_MODELS + ".includes(" + JSON.writeValueAsString(hostile) + ")", Duration.ofSeconds(5));
        assertTrue(browser.evaluate("document.querySelector('#board img[src=\"x\"]') === null "
                + "&& window.evalboardRan === undefined").asBoolean(), "the name was markup, not text");
    }

    private static void publish(String kafka, String model, double score) throws Exception {
        String event = JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
                "model", Map.of("name", model, "parameters", 8_000_000_000L, "openness", "open-weights"),
                "benchmark", "AIME 2024", "score", score));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("eval.results", model, event)).get(30, TimeUnit.SECONDS);
        }
    }
}
