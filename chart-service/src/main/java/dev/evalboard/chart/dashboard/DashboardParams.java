package dev.evalboard.chart.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The pages' query parameters, checked and bounded: anything else is a 400 that says which and why. */
final class DashboardParams {
    static final int MAX_NAME_LENGTH = 200;
    static final Set<String> OPENNESS = Set.of("closed", "open-weights", "open-weights-open-data");
    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
    static final int DEFAULT_PAGE_SIZE = 50;
    static final Set<String> X_MEASURES = Set.of("parameters", "activeParameters", "costUsd");
    private static final Pattern METRIC = Pattern.compile("[a-z0-9@._:/-]{1,64}");
    /** Billions of parameters: up to 6 digits, up to 3 decimals. */
    private static final Pattern BILLIONS = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?");
    private static final long MAX_PAGE = 10_000_000;

    private DashboardParams() {
    }

    static String name(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            throw PageException.badRequest("'" + parameter + "' is required");
        }
        String name = raw.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw PageException.badRequest("'" + parameter + "' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    /** Distinct names in the order given; none is fine. */
    static List<String> names(String parameter, List<String> raw, int max) {
        List<String> names = new ArrayList<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            String name = name(parameter, value);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() > max) {
            throw PageException.badRequest("at most " + max + " values of '" + parameter + "'");
        }
        return names;
    }

    static String metric(String raw) {
        if (raw == null || raw.isBlank()) {
            return "pass@1";
        }
        if (!METRIC.matcher(raw).matches()) {
            throw PageException.badRequest("'metric' must match [a-z0-9@._:/-]{1,64}");
        }
        return raw;
    }

    static List<String> openness(List<String> raw) {
        List<String> values = names("openness", raw, OPENNESS.size());
        for (String value : values) {
            if (!OPENNESS.contains(value)) {
                throw PageException.badRequest("'openness' must be closed, open-weights or open-weights-open-data");
            }
        }
        return values;
    }

    /** A parameter count given in billions ("8", "0.5"), as a whole count; null when absent. */
    static Long billions(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!BILLIONS.matcher(raw.strip()).matches()) {
            throw PageException.badRequest("'" + parameter + "' is a number of billions of parameters, such as 8 or "
                    + "0.5 (at most 999999.999)");
        }
        return new BigDecimal(raw.strip()).movePointRight(9).longValueExact();
    }

    static void requireOrdered(Long min, Long max) {
        if (min != null && max != null && min > max) {
            throw PageException.badRequest("'minParams' must not exceed 'maxParams'");
        }
    }

    static String query(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_NAME_LENGTH) {
            throw PageException.badRequest("'q' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return raw.strip();
    }

    static long page(String raw) {
        return wholeNumber("page", raw, 1, MAX_PAGE, 1);
    }

    static int pageSize(String raw) {
        int size = (int) wholeNumber("size", raw, 1, 1000, DEFAULT_PAGE_SIZE);
        if (!PAGE_SIZES.contains(size)) {
            throw PageException.badRequest("'size' must be one of " + PAGE_SIZES);
        }
        return size;
    }

    static String xMeasure(String raw) {
        if (raw == null || raw.isBlank()) {
            return "parameters";
        }
        if (!X_MEASURES.contains(raw)) {
            throw PageException.badRequest("'x' must be parameters, activeParameters or costUsd");
        }
        return raw;
    }

    /** {@code csv} or nothing (the page). */
    static boolean csv(String raw) {
        if (raw == null || raw.isBlank() || raw.equals("html")) {
            return false;
        }
        if (!raw.equals("csv")) {
            throw PageException.badRequest("'format' must be html or csv");
        }
        return true;
    }

    /** The SSE Last-Event-ID, -1 when absent or not a number (a new client then). */
    static long lastEventId(String raw) {
        try {
            return raw == null ? -1 : Math.max(-1, Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long wholeNumber(String parameter, String raw, long min, long max, long absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw PageException.badRequest("'" + parameter + "' must be a whole number from " + min + " to " + max);
    }
}
