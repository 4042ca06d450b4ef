package dev.evalboard.chart.rest;

import dev.evalboard.chart.render.theme.Theme;
import dev.evalboard.chart.service.ChartRequestException;
import dev.evalboard.chart.service.XMeasure;
import dev.evalboard.contract.BenchmarkVersions;
import dev.evalboard.contract.EventRules;
import dev.evalboard.contract.SnapshotInstants;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads chart options from text (query parameters) or JSON fields. Every malformed value is a 400
 * that names the parameter; ranges (width, counts) are the renderer's to check.
 */
final class OptionParser {

    private OptionParser() {
    }

    static int integer(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw bad(name, name + " must be an integer, got '" + shorten(raw) + "'");
        }
    }

    static Double number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw.trim());
            if (!Double.isFinite(v)) {
                throw bad(name, name + " must be a finite number, got '" + shorten(raw) + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(name, name + " must be a number, got '" + shorten(raw) + "'");
        }
    }

    static boolean flag(String name, String raw, boolean fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw bad(name, name + " must be true or false, got '" + shorten(raw) + "'");
    }

    static Theme theme(String raw) {
        if (raw == null || raw.isBlank()) {
            return Theme.LIGHT;
        }
        Theme theme = Theme.named(raw.trim());
        if (theme == null) {
            throw bad("theme", "theme must be light or dark, got '" + shorten(raw) + "'");
        }
        return theme;
    }

    static XMeasure xMeasure(String raw) {
        if (raw == null || raw.isBlank()) {
            return XMeasure.PARAMETERS;
        }
        XMeasure x = XMeasure.fromCode(raw.trim());
        if (x == null) {
            throw bad("x", "x must be parameters, activeParameters or costUsd, got '" + shorten(raw) + "'");
        }
        return x;
    }

    static String metric(String raw) {
        if (raw == null || raw.isBlank()) {
            return EventRules.DEFAULT_METRIC;
        }
        if (!EventRules.isMetric(raw)) {
            throw bad("metric", "metric must match " + EventRules.METRIC_SYNTAX + ", got '" + shorten(raw) + "'");
        }
        return raw;
    }

    /**
     * {@code asOf}, as query-service takes it: an RFC 3339 instant, passed on in one spelling so that equal instants
     * share a cached answer; query-service says whether it lies far enough in the past.
     */
    static String instant(String name, String raw) {
        try {
            Instant instant = SnapshotInstants.parse(raw);
            return instant == null ? null : instant.toString();
        } catch (IllegalArgumentException e) {
            throw bad(name, name + " must be " + SnapshotInstants.SYNTAX + ", got '" + shorten(raw) + "'");
        }
    }

    /**
     * The benchmark version to draw, as query-service takes it (null: the newest); only for a chart of one benchmark,
     * since several are each drawn in their newest version.
     */
    static String version(String raw, List<String> benchmarks) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!BenchmarkVersions.isVersion(raw)) {
            throw bad("version", "version must have 1 to " + BenchmarkVersions.MAX_LENGTH + " characters without"
                    + " surrounding spaces, control or format characters");
        }
        if (benchmarks.size() > 1) {
            throw bad("version", "version applies to a chart of one benchmark");
        }
        return raw;
    }

    /** Benchmark or model names: present, 1..200 characters each, as the result events allow. */
    static List<String> names(String name, List<String> raw, boolean required) {
        List<String> names = raw == null ? List.of() : raw.stream().map(String::strip).toList();
        if (required && names.isEmpty()) {
            throw bad(name, name + " is required");
        }
        for (String n : names) {
            if (n.isEmpty() || n.length() > EventRules.MAX_NAME_LENGTH) {
                throw bad(name, "each " + name + " must have 1 to " + EventRules.MAX_NAME_LENGTH + " characters");
            }
        }
        return names;
    }

    private static ChartRequestException bad(String parameter, String message) {
        return ChartRequestException.badParameter(parameter, message);
    }

    /** Echoed input is cut short: the message should name the problem, not replay the request. */
    private static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "\u2026";
    }
}
