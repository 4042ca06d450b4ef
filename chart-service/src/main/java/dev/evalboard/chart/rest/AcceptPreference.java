package dev.evalboard.chart.rest;

import java.util.Locale;

/**
 * Decides whether a client prefers an image over JSON, by RFC 9110 media ranges and q-values. An
 * {@code <img>} tag sends e.g. {@code image/avif,image/webp,image/svg+xml,image/*,*&#47;*;q=0.8}; curl
 * sends {@code *&#47;*}, which ties and falls back to JSON; a header naming image types first
 * and JSON not at all (Firefox: {@code image/avif,image/webp,*&#47;*}) counts as preferring images.
 */
public final class AcceptPreference {

    private AcceptPreference() {
    }

    /** Quality, specificity (0 for *&#47;*, 1 for type/*, 2 exact) and position of a match. */
    private record Match(double q, int specificity, int position) {

        boolean beats(Match other) {
            if (q != other.q) {
                return q > other.q;
            }
            if (specificity != other.specificity) {
                return specificity > other.specificity;
            }
            return position < other.position;
        }
    }

    public static boolean prefersImage(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        Match image = best(accept, "image", "svg+xml");
        Match json = best(accept, "application", "problem+json");
        Match plainJson = best(accept, "application", "json");
        if (plainJson.beats(json)) {
            json = plainJson;
        }
        if (image.q() <= 0) {
            return false;
        }
        // Firefox's <img> sends "image/avif,image/webp,*/*": listing images first shows the preference.
        if (image.specificity() == 0 && json.specificity() == 0) {
            return firstNamedType(accept).equals("image");
        }
        return image.beats(json);
    }

    /** The type of the first media range that is not *&#47;*, or "" when there is none. */
    private static String firstNamedType(String accept) {
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT).split("/", 2)[0];
            if (!type.equals("*") && !type.isEmpty()) {
                return type;
            }
        }
        return "";
    }

    private static Match best(String accept, String type, String subtype) {
        Match best = new Match(0, -1, Integer.MAX_VALUE);
        String[] ranges = accept.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].trim().toLowerCase(Locale.ROOT).split(";");
            String[] mediaRange = parts[0].trim().split("/", 2);
            if (mediaRange.length != 2) {
                continue;
            }
            int specificity;
            if (mediaRange[0].equals("*") && mediaRange[1].equals("*")) {
                specificity = 0;
            } else if (mediaRange[0].equals(type) && mediaRange[1].equals("*")) {
                specificity = 1;
            } else if (mediaRange[0].equals(type) && mediaRange[1].equals(subtype)) {
                specificity = 2;
            } else {
                continue;
            }
            Match m = new Match(quality(parts), specificity, i);
            // The most specific matching range decides the quality (RFC 9110, 12.5.1).
            if (m.specificity() > best.specificity()) {
                best = m;
            }
        }
        return best;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
