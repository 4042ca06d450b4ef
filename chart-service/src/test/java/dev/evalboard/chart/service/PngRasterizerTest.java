package dev.evalboard.chart.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The PNG bulkhead: size cap, slots, pixel budget and the out-of-memory path, with Batik held or failed at will. */
class PngRasterizerTest {
    private static final Duration RETRY = Duration.ofSeconds(3);
    private static final byte[] PNG = {1, 2, 3};
    private static final Supplier<String> SVG = () -> "<svg/>";

    @Test
    void aPngOverTheAreaCapIsABadRequestBeforeItsChartIsDrawn() {
        PngRasterizer png = new PngRasterizer(2, 1_000_000, 100_000_000, RETRY, svg -> PNG);
        ChartRequestException e = assertThrows(ChartRequestException.class, () -> png.toPng(1001, 1000, () -> {
            throw new AssertionError("drawn although refused");
        }));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("at most 1000000 pixels"), e.getMessage());
        assertArrayEquals(PNG, png.toPng(1000, 1000, SVG));
    }

    @Test
    void theCapIsNeverAboveTheWholePixelBudget() {
        PngRasterizer png = new PngRasterizer(2, 16_000_000, 4_096_000, RETRY, svg -> PNG);
        assertEquals(400, assertThrows(ChartRequestException.class, () -> png.toPng(2100, 2000, SVG)).status());
        assertArrayEquals(PNG, png.toPng(2000, 2000, SVG));
    }

    @Test
    void beyondTheSlotsAPngIsRefusedAtOnceWithRetryAfterAndTheSlotComesBack() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PngRasterizer png = new PngRasterizer(1, 16_000_000, 100_000_000, RETRY, held(started, release));
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> png.toPng(800, 500, SVG));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        ChartBusyException busy = assertThrows(ChartBusyException.class, () -> png.toPng(800, 500, SVG));
        assertEquals(RETRY, busy.retryAfter());
        release.countDown();
        assertArrayEquals(PNG, first.get(10, TimeUnit.SECONDS));
        assertArrayEquals(PNG, png.toPng(800, 500, SVG), "the slot was given back");
    }

    @Test
    void pixelsInFlightAreBoundedSoTwoLargePngsDoNotRunTogether() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PngRasterizer png = new PngRasterizer(4, 16_000_000, 20_000_000, RETRY, held(started, release));
        CompletableFuture<byte[]> large = CompletableFuture.supplyAsync(() -> png.toPng(4000, 4000, SVG));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertThrows(ChartBusyException.class, () -> png.toPng(4000, 4000, SVG));
        release.countDown();
        large.get(10, TimeUnit.SECONDS);
        assertArrayEquals(PNG, png.toPng(4000, 4000, SVG), "the budget was given back");
    }

    @Test
    void runningOutOfMemoryRefusesThatPngAndFreesItsSlot() {
        PngRasterizer png = new PngRasterizer(1, 16_000_000, 100_000_000, RETRY, svg -> {
            throw new OutOfMemoryError("Java heap space");
        });
        for (int attempt = 0; attempt < 2; attempt++) {
            ChartBusyException e = assertThrows(ChartBusyException.class, () -> png.toPng(4000, 4000, SVG));
            assertTrue(e.getMessage().contains("short of memory"), "not a slot leaked by the first: " + e.getMessage());
        }
    }

    private static Function<String, byte[]> held(CountDownLatch started, CountDownLatch release) {
        return svg -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PNG;
        };
    }
}
