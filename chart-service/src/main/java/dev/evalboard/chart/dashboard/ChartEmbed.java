package dev.evalboard.chart.dashboard;

import io.quarkus.qute.TemplateData;

/**
 * A chart as a page shows it: the chart-service URL (light, and dark for {@code prefers-color-scheme: dark}), and
 * the code that embeds the same chart elsewhere, in Markdown and in HTML.
 */
@TemplateData
public record ChartEmbed(String id, String alt, String src, String darkSrc, String url, String markdown, String html) {

    /** @param path the chart's path and query, from the root; {@code origin} makes the embed code absolute */
    static ChartEmbed of(String id, String alt, String path, String origin) {
        String url = origin + path;
        String markdown = "![" + alt.replace("]", "\\]").replace("[", "\\[") + "](" + url.replace(")", "%29") + ")";
        String html = "<img src=\"" + attribute(url) + "\" alt=\"" + attribute(alt) + "\">";
        return new ChartEmbed(id, alt, path, path + "&theme=dark", url, markdown, html);
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
