package dev.evalboard.chart.render.theme;

import java.util.List;

/**
 * Colours of one theme. Series colours follow Okabe and Ito's colour-blind-safe palette (2008),
 * minus black, which disappears on the dark background.
 */
public record Theme(String name, String background, String text, String mutedText, String grid, String axis,
                    String markStroke, String hatch, List<String> series,
                    String openWeights, String openData, String closed, String unknownOpenness, String highlight) {

    private static final List<String> OKABE_ITO = List.of(
            "#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442");

    public static final Theme LIGHT = new Theme("light", "#ffffff", "#222222", "#555555", "#e6e6e6", "#888888",
            "#333333", "#ffffff", OKABE_ITO, "#999999", "#F0E442", "#0072B2", "#CC79A7", "#E69F00");

    public static final Theme DARK = new Theme("dark", "#1b1b1f", "#e8e8e8", "#b0b0b0", "#3a3a40", "#8a8a90",
            "#e8e8e8", "#1b1b1f", OKABE_ITO, "#a0a0a0", "#F0E442", "#56B4E9", "#CC79A7", "#E69F00");

    /** The theme named {@code light} or {@code dark}, or null for any other name. */
    public static Theme named(String name) {
        if (LIGHT.name.equals(name)) {
            return LIGHT;
        }
        return DARK.name.equals(name) ? DARK : null;
    }

    public String seriesColour(int index) {
        return series.get(index % series.size());
    }
}
