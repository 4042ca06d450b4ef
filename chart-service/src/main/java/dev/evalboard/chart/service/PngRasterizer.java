package dev.evalboard.chart.service;

import dev.evalboard.chart.config.ChartConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.jboss.logging.Logger;

/**
 * Rasterises the renderer's SVG with Apache Batik, so PNG and SVG always show the same chart. Batik holds a few
 * full-size ARGB copies of the image, so this is the one memory-hungry step. A bulkhead bounds it: a few PNGs at a
 * time and a budget of pixels in flight (a share of the heap); a PNG that finds either full is refused at once with
 * a retry hint rather than queued. An {@link OutOfMemoryError} while rasterising refuses that PNG, not the server.
 */
@ApplicationScoped
public class PngRasterizer {

    private static final Logger LOG = Logger.getLogger(PngRasterizer.class);
    /** Measured peak of a 4000 x 4000 scatter PNG: about 200 MB of live heap for 16 million pixels. */
    static final long BYTES_PER_PIXEL = 13;
    /** The pixel budget's unit, so that a 4000 x 4000 budget fits a semaphore's int permits. */
    private static final int PIXELS_PER_PERMIT = 1024;

    static {
        // Batik draws with AWT; servers have no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final Semaphore slots;
    private final Semaphore pixelBudget;
    private final long maxPixels;
    private final Duration retryAfter;
    private final Function<String, byte[]> rasteriser;

    @Inject
    PngRasterizer(ChartConfig config) {
        this(config.png().maxConcurrent(), config.png().maxPixels(),
                (long) (Runtime.getRuntime().maxMemory() * config.png().maxHeapFraction()) / BYTES_PER_PIXEL,
                config.png().retryAfter(), PngRasterizer::rasterise);
    }

    /** @param rasteriser Batik in production; tests hold or fail it */
    PngRasterizer(int maxConcurrent, long maxPixels, long budgetPixels, Duration retryAfter,
            Function<String, byte[]> rasteriser) {
        this.rasteriser = rasteriser;
        this.slots = new Semaphore(maxConcurrent);
        int permits = (int) Math.min(Integer.MAX_VALUE, budgetPixels / PIXELS_PER_PERMIT);
        this.pixelBudget = new Semaphore(permits);
        // One PNG above the whole budget could never be drawn here: that is a 400, not a retry.
        this.maxPixels = Math.min(maxPixels, (long) permits * PIXELS_PER_PERMIT);
        this.retryAfter = retryAfter;
    }

    /** @param svg drawn only once the size is known to be allowed */
    public byte[] toPng(int width, int height, Supplier<String> svg) {
        if ((long) width * height > maxPixels) {
            throw ChartRequestException.badParameter("width", "a PNG may have at most " + maxPixels
                    + " pixels (width x height), got " + width + " x " + height + "; ask for .svg, which has no such"
                    + " bound, or a smaller size");
        }
        String document = svg.get();
        int permits = (int) -Math.floorDiv(-(long) width * height, PIXELS_PER_PERMIT);
        if (!slots.tryAcquire()) {
            throw new ChartBusyException("every PNG slot is busy; retry shortly or ask for .svg", retryAfter);
        }
        try {
            if (!pixelBudget.tryAcquire(permits)) {
                throw new ChartBusyException("other PNGs hold the memory this one needs; retry shortly or ask for"
                        + " .svg", retryAfter);
            }
            try {
                return rasteriser.apply(document);
            } catch (OutOfMemoryError e) {
                // The failed allocation was this PNG's own image: dropping it frees what it held.
                LOG.warnf("out of memory rasterising a %d x %d PNG; refused with 503", width, height);
                throw new ChartBusyException("the server is short of memory for this PNG; retry shortly or ask for"
                        + " .svg", retryAfter);
            } finally {
                pixelBudget.release(permits);
            }
        } finally {
            slots.release();
        }
    }

    private static byte[] rasterise(String svg) {
        PNGTranscoder transcoder = new PNGTranscoder();
        // Our SVG refers to nothing outside itself; make sure Batik never fetches anything.
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        TranscoderInput input = new TranscoderInput(new StringReader(svg));
        input.setURI("file:/chart.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(input, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("PNG conversion failed", e);
        }
        return out.toByteArray();
    }
}
