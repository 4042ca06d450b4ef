package dev.evalboard.contract;

import java.util.regex.Pattern;

/**
 * The rules of the result event ({@code docs/contract.md}, section 1) that the readers' parameters follow too: a
 * query or chart asks for a metric and for names as the events give them.
 */
public final class EventRules {

    /** The metric of an event that names none, and of a query that names none. */
    public static final String DEFAULT_METRIC = "pass@1";
    /** Model, benchmark and organization names: at most this many characters. */
    public static final int MAX_NAME_LENGTH = 200;
    /** What a metric name may be, as a regular expression (also quoted in error messages). */
    public static final String METRIC_SYNTAX = "[a-z0-9@._:/-]{1,64}";

    private static final Pattern METRIC = Pattern.compile(METRIC_SYNTAX);

    private EventRules() {
    }

    public static boolean isMetric(String name) {
        return METRIC.matcher(name).matches();
    }

    /**
     * A run is partial when it scored fewer samples than the benchmark has: it is shown, but left out of ranks
     * unless a reader asks for partial runs. Unknown counts never make a run partial.
     */
    public static boolean isPartial(Long samples, Long samplesTotal) {
        return samples != null && samplesTotal != null && samples < samplesTotal;
    }
}
