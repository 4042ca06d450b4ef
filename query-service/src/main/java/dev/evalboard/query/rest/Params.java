package dev.evalboard.query.rest;

import dev.evalboard.contract.BenchmarkVersions;
import dev.evalboard.contract.EventRules;
import dev.evalboard.contract.Openness;
import dev.evalboard.contract.rank.Aggregation;
import dev.evalboard.contract.rank.RankSort;
import dev.evalboard.query.service.ProblemException;
import dev.evalboard.query.service.XAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses and bounds query and path parameters. Numbers arrive as text so that "abc" is a 400 that names the
 * parameter rather than a JAX-RS 404. An empty value means the parameter is absent, as an HTML form sends it.
 */
final class Params {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final int MAX_BENCHMARKS = 20;
    static final int MAX_DOMINATED_LIMIT = 10_000;
    static final int MAX_REQUESTED_MODELS = 50;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private Params() {
    }

    static int limit(String raw) {
        return (int) wholeNumber("limit", raw, 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    static long offset(String raw) {
        return wholeNumber("offset", raw, 0, Integer.MAX_VALUE, 0);
    }

    /** How many dominated points a Pareto answer lists: none unless asked, at most 10,000. */
    static int dominatedLimit(String raw) {
        return (int) wholeNumber("dominatedLimit", raw, 0, MAX_DOMINATED_LIMIT, 0);
    }

    static long dominatedOffset(String raw) {
        return wholeNumber("dominatedOffset", raw, 0, Integer.MAX_VALUE, 0);
    }

    /** Zero or more distinct model names, at most 50. */
    static List<String> models(List<String> raw) {
        List<String> names = new ArrayList<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (!isAbsent(value) && !names.contains(value)) {
                names.add(text("model", value));
            }
            if (names.size() > MAX_REQUESTED_MODELS) {
                throw ProblemException.badRequest("At most " + MAX_REQUESTED_MODELS + " models can be named.");
            }
        }
        return names;
    }

    /** An optional non-negative parameter count; null when absent. */
    static Long parameterCount(String name, String raw) {
        return isAbsent(raw) ? null : wholeNumber(name, raw, 0, Long.MAX_VALUE, 0);
    }

    /** A model or benchmark name: required, 1..200 characters, no control characters. */
    static String name(String parameter, String raw) {
        if (isAbsent(raw)) {
            throw ProblemException.badRequest("'" + parameter + "' is required.");
        }
        return text(parameter, raw);
    }

    static String optionalName(String parameter, String raw) {
        return isAbsent(raw) ? null : text(parameter, raw);
    }

    /** Search text: optional, bounded like a name. */
    static String query(String raw) {
        return optionalName("q", raw);
    }

    static String metric(String raw) {
        String metric = isAbsent(raw) ? EventRules.DEFAULT_METRIC : raw;
        if (!EventRules.isMetric(metric)) {
            throw ProblemException.badRequest("'metric' must match " + EventRules.METRIC_SYNTAX + ".");
        }
        return metric;
    }

    /** A benchmark version as an event's {@code benchmarkVersion} may be; null (the newest) when absent. */
    static String version(String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        if (!BenchmarkVersions.isVersion(raw)) {
            throw ProblemException.badRequest("'version' must be 1 to " + BenchmarkVersions.MAX_LENGTH
                    + " characters without surrounding spaces, control or format characters.");
        }
        return raw;
    }

    /** Whether partial runs (fewer samples than the benchmark has) are ranked: false unless {@code true}. */
    static boolean includePartial(String raw) {
        return flag("includePartial", raw, false);
    }

    static String optionalMetric(String raw) {
        return isAbsent(raw) ? null : metric(raw);
    }

    /** One or more distinct benchmark names, in the order given; a repeated name counts once. */
    static List<String> benchmarks(List<String> raw) {
        List<String> names = optionalBenchmarks(raw);
        if (names.isEmpty()) {
            throw ProblemException.badRequest("'benchmark' is required (repeat it for several benchmarks).");
        }
        return names;
    }

    /** Zero or more distinct benchmark names, bounded as {@link #benchmarks} are. */
    static List<String> optionalBenchmarks(List<String> raw) {
        List<String> names = new ArrayList<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (!isAbsent(value) && !names.contains(value)) {
                names.add(text("benchmark", value));
            }
            if (names.size() > MAX_BENCHMARKS) {
                throw ProblemException.badRequest("At most " + MAX_BENCHMARKS + " benchmarks can be combined.");
            }
        }
        return names;
    }

    /** An SSE {@code Last-Event-ID}: a stream position; null when absent. */
    static Long lastEventId(String raw) {
        return isAbsent(raw) ? null : wholeNumber("Last-Event-ID", raw, 0, Long.MAX_VALUE, 0);
    }

    static List<String> openness(List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            if (isAbsent(value)) {
                continue;
            }
            if (Openness.fromWireName(value).isEmpty()) {
                throw ProblemException.badRequest("'openness' must be one of " + Openness.wireNames() + ".");
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    /** {@code true} or {@code false}; {@code absent} when not given. */
    static boolean flag(String name, String raw, boolean absent) {
        if (isAbsent(raw)) {
            return absent;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw ProblemException.badRequest("'" + name + "' must be true or false.");
        }
        return raw.equals("true");
    }

    static XAxis axis(String raw) {
        if (isAbsent(raw)) {
            return XAxis.PARAMETERS;
        }
        return XAxis.fromWireName(raw).orElseThrow(() -> ProblemException.badRequest(
                "'x' must be one of parameters, activeParameters, costUsd."));
    }

    static Aggregation aggregate(String raw) {
        if (isAbsent(raw)) {
            return Aggregation.MEAN;
        }
        return Aggregation.fromWireName(raw).orElseThrow(() -> ProblemException.badRequest(
                "'aggregate' must be one of " + Aggregation.wireNames() + "."));
    }

    static RankSort sort(String raw) {
        if (isAbsent(raw)) {
            return RankSort.RANK;
        }
        return RankSort.fromWireName(raw).orElseThrow(() -> ProblemException.badRequest(
                "'sort' must be one of " + RankSort.wireNames() + "."));
    }

    /** How many of the {@code benchmarks} requested a model needs a result on to be ranked: all when absent. */
    static int minBenchmarks(String raw, int benchmarks) {
        return (int) wholeNumber("minBenchmarks", raw, 1, benchmarks, benchmarks);
    }

    static void requireOrdered(Long min, Long max) {
        if (min != null && max != null && min > max) {
            throw ProblemException.badRequest("'minParameters' must not be greater than 'maxParameters'.");
        }
    }

    private static String text(String parameter, String raw) {
        if (raw.length() > EventRules.MAX_NAME_LENGTH) {
            throw ProblemException.badRequest("'" + parameter + "' must be at most " + EventRules.MAX_NAME_LENGTH
                    + " characters.");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("'" + parameter + "' must not contain control characters.");
        }
        return raw;
    }

    private static long wholeNumber(String name, String raw, long min, long max, long absent) {
        if (isAbsent(raw)) {
            return absent;
        }
        long value;
        try {
            value = DIGITS.matcher(raw).matches() ? Long.parseLong(raw) : -1;
        } catch (NumberFormatException tooLarge) {
            value = -1;
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest("'" + name + "' must be a whole number from " + min + " to " + max
                    + ".");
        }
        return value;
    }

    private static boolean isAbsent(String raw) {
        return Objects.requireNonNullElse(raw, "").isEmpty();
    }
}
