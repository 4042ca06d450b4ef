package dev.evalboard.chart.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** Rasterises the renderer's SVG with Apache Batik, so PNG and SVG always show the same chart. */
@ApplicationScoped
public class PngRasterizer {

    static {
        // Batik draws with AWT; servers have no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public byte[] toPng(String svg) {
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
