package dev.evalboard.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Both chart URLs embedded with {@code <img>} in a page, as a README or dashboard embeds them, rendered by a real
 * browser: both images load, and the screenshot has the bar colour where the SVG puts a solid bar and the star's
 * orange where it puts the highlighted model.
 */
final class EmbeddedChartsCheck {
    static final int CHART_WIDTH = 800;
    static final int CHART_HEIGHT = 500;
    private static final Pattern SOLID_BAR = Pattern.compile(
            "<g fill=\"#([0-9A-Fa-f]{6})\"><rect x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"");
    private static final Pattern STAR = Pattern.compile("<path d=\"(M[^\"]+Z)\" fill=\"#([0-9A-Fa-f]{6})\"");

    private EmbeddedChartsCheck() {
    }

    static void check(String barUrl, String barSvg, String scatterUrl, String scatterSvg, Path workDir,
            Path screenshot) throws Exception {
        String size = "width=\"" + CHART_WIDTH + "\" height=\"" + CHART_HEIGHT + "\"";
        String html = "<!doctype html><html><head><style>body{margin:0}img{position:absolute;top:0}</style></head>"
                + "<body><img id=\"bar\" style=\"left:0\" " + size + " src=\"" + barUrl.replace("&", "&amp;")
                + "\"><img id=\"scatter\" style=\"left:" + CHART_WIDTH + "px\" " + size + " src=\""
                + scatterUrl.replace("&", "&amp;") + "\"><pre id=\"loaded\"></pre><script>"
                + "window.addEventListener('load',function(){document.getElementById('loaded').textContent="
                + "'bar='+document.getElementById('bar').naturalWidth+' scatter='"
                + "+document.getElementById('scatter').naturalWidth;});</script></body></html>";
        Path page = HeadlessChromium.writePage(workDir, html);

        String dom = HeadlessChromium.dumpDom(page, workDir);
        assertTrue(dom.contains("bar=" + CHART_WIDTH + " scatter=" + CHART_WIDTH),
                "both images loaded with their natural width: " + dom.replaceAll("(?s).*<pre id=\"loaded\">", "")
                        .replaceAll("(?s)</pre>.*", ""));

        HeadlessChromium.screenshot(page, screenshot, 2 * CHART_WIDTH, CHART_HEIGHT, workDir);
        BufferedImage image = ImageIO.read(screenshot.toFile());

        Matcher bar = SOLID_BAR.matcher(barSvg);
        assertTrue(bar.find(), "the bar chart has a solid bar");
        int barX = (int) Math.round(Double.parseDouble(bar.group(2)) + Double.parseDouble(bar.group(4)) / 2);
        int barY = (int) Math.round(Double.parseDouble(bar.group(3)) + Double.parseDouble(bar.group(5)) / 2);
        assertColour(image, barX, barY, bar.group(1), "a solid bar");

        Matcher star = STAR.matcher(scatterSvg);
        assertTrue(star.find(), "the scatter chart has the highlighted model's star");
        double[] centre = centroid(star.group(1));
        assertColour(image, CHART_WIDTH + (int) Math.round(centre[0]), (int) Math.round(centre[1]), star.group(2),
                "the star");
    }

    private static double[] centroid(String path) {
        Matcher numbers = Pattern.compile("-?[\\d.]+").matcher(path);
        double sumX = 0;
        double sumY = 0;
        int points = 0;
        while (numbers.find()) {
            double x = Double.parseDouble(numbers.group());
            numbers.find();
            sumY += Double.parseDouble(numbers.group());
            sumX += x;
            points++;
        }
        return new double[] {sumX / points, sumY / points};
    }

    private static void assertColour(BufferedImage image, int x, int y, String hex, String what) {
        int expected = Integer.parseInt(hex, 16);
        int actual = image.getRGB(x, y) & 0xFFFFFF;
        int tolerance = 12;
        boolean close = Math.abs((expected >> 16) - (actual >> 16)) <= tolerance
                && Math.abs(((expected >> 8) & 0xFF) - ((actual >> 8) & 0xFF)) <= tolerance
                && Math.abs((expected & 0xFF) - (actual & 0xFF)) <= tolerance;
        assertTrue(close, String.format("%s at (%d, %d): expected #%s, the browser shows #%06X", what, x, y, hex,
                actual));
    }
}
