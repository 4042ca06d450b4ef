package dev.evalboard.contract;

import static dev.evalboard.contract.EventRules.MAX_NAME_LENGTH;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.evalboard.contract.EventFields.Text;
import dev.evalboard.contract.rank.Normalization;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates one {@code eval.results} record value, as section 1 of {@code docs/contract.md} says. The
 * single place where the rules are applied ({@link EventRules} holds those the readers' parameters share): a
 * rejection names the rule that failed and the field (as a JSON pointer) it failed on. Field types are read by
 * {@link EventFields}. Thread-safe.
 */
public final class ResultEventParser {

    public static final int SUPPORTED_SCHEMA_VERSION = 1;
    static final int MAX_EVENT_ID_LENGTH = 128;
    static final int MAX_SOURCE_LENGTH = 2000;
    // PostgreSQL stores instants far beyond this, but a year outside 1..9999 is a producer bug, not a result.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** A URI scheme followed by something other than a space: "javascript:alert(1)", not "harness: lm-eval". */
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):\\S");

    private final ParserSettings settings;
    private final Clock clock;

    private final ObjectMapper mapper = JsonMapper.builder(new JsonFactory())
            // NaN and Infinity are read as numbers so that the rejection can name the field, not just "bad JSON".
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The contract's default bounds, against this machine's clock. */
    public ResultEventParser() {
        this(ParserSettings.DEFAULT, Clock.systemUTC());
    }

    /** @param clock "now" for the future-skew rule: the parsing machine's clock, never a producer's timestamp */
    public ResultEventParser(ParserSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param value           the record value bytes, possibly null
     * @param recordTimestamp used as {@code evaluatedAt} when the event has none
     */
    public ParseResult parse(byte[] value, Instant recordTimestamp) {
        try {
            return new ParseResult.Accepted(read(value, recordTimestamp));
        } catch (InvalidEvent e) {
            return new ParseResult.Rejected(e.violation());
        }
    }

    private ResultEvent read(byte[] value, Instant recordTimestamp) {
        JsonNode root = RecordJson.readObject(mapper, value);
        checkSchemaVersion(root.get("schemaVersion"));

        String eventId = EventFields.requiredText(root, "eventId", "/eventId", MAX_EVENT_ID_LENGTH, Text.AS_SENT);
        ModelInfo model = readModel(root.get("model"));
        String benchmark = EventFields.requiredText(root, "benchmark", "/benchmark", MAX_NAME_LENGTH, Text.NAME);
        String metric = EventFields.optionalText(root.get("metric"), "/metric", 64, Text.AS_SENT);
        if (metric == null) {
            metric = EventRules.DEFAULT_METRIC;
        } else if (!EventRules.isMetric(metric)) {
            throw new InvalidEvent("metric must match " + EventRules.METRIC_SYNTAX, "/metric");
        }
        ScoreUnit unit = readUnit(root.get("unit"));
        Boolean higherIsBetter = EventFields.optionalBoolean(root.get("higherIsBetter"), "/higherIsBetter");
        double score = readScore(root.get("score"), unit, higherIsBetter);
        Double stderr = EventFields.optionalNonNegative(root.get("stderr"), "/stderr", settings.maxMagnitude());
        Long samples = EventFields.optionalPositiveInteger(root.get("samples"), "/samples");
        Double costUsd = EventFields.optionalNonNegative(root.get("costUsd"), "/costUsd", settings.maxMagnitude());
        Instant evaluatedAt = notInTheFuture(readInstant(root.get("evaluatedAt"), recordTimestamp),
                root.get("evaluatedAt"));
        String source = readSource(root.get("source"));
        Double baseline = readBaseline(root.get("benchmarkBaseline"), unit, higherIsBetter);
        String version = RunSettingsReader.version(root.get("benchmarkVersion"));
        RunSettings runSettings = RunSettingsReader.settings(root.get("settings"), samples);
        return new ResultEvent(eventId, model, benchmark, metric, score, unit, stderr, samples, higherIsBetter,
                costUsd, evaluatedAt, source, baseline, version, runSettings);
    }

    private static void checkSchemaVersion(JsonNode node) {
        if (EventFields.isAbsent(node)) {
            return;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw new InvalidEvent("schemaVersion must be an integer", "/schemaVersion");
        }
        int version = node.asInt();
        if (version > SUPPORTED_SCHEMA_VERSION) {
            throw new InvalidEvent("schemaVersion " + version + " is newer than this service understands (up to "
                    + SUPPORTED_SCHEMA_VERSION + ")", "/schemaVersion");
        }
        if (version < 1) {
            throw new InvalidEvent("schemaVersion must be 1 or more", "/schemaVersion");
        }
    }

    private static ModelInfo readModel(JsonNode model) {
        if (EventFields.isAbsent(model)) {
            throw new InvalidEvent("model is required", "/model");
        }
        if (!model.isObject()) {
            throw new InvalidEvent("model must be an object", "/model");
        }
        String name = EventFields.requiredText(model, "name", "/model/name", MAX_NAME_LENGTH, Text.NAME);
        Long parameters = EventFields.optionalPositiveInteger(model.get("parameters"), "/model/parameters");
        Long active = EventFields.optionalPositiveInteger(model.get("activeParameters"), "/model/activeParameters");
        if (parameters != null && active != null && active > parameters) {
            throw new InvalidEvent("model.activeParameters (" + active + ") must not exceed model.parameters ("
                    + parameters + ")", "/model/activeParameters");
        }
        String opennessName = EventFields.optionalText(model.get("openness"), "/model/openness", 64, Text.AS_SENT);
        Openness openness = opennessName == null ? null : Openness.fromWireName(opennessName).orElseThrow(
                () -> new InvalidEvent("model.openness must be one of " + Openness.wireNames(),
                        "/model/openness"));
        String organization = EventFields.optionalText(model.get("organization"), "/model/organization",
                MAX_NAME_LENGTH, Text.LABEL);
        return new ModelInfo(name, parameters, active, openness, organization);
    }

    private static ScoreUnit readUnit(JsonNode node) {
        String name = EventFields.optionalText(node, "/unit", 16, Text.AS_SENT);
        if (name == null) {
            return ScoreUnit.PERCENT;
        }
        return ScoreUnit.fromWireName(name)
                .orElseThrow(() -> new InvalidEvent("unit must be percent or raw", "/unit"));
    }

    private double readScore(JsonNode node, ScoreUnit unit, Boolean higherIsBetter) {
        if (EventFields.isAbsent(node)) {
            throw new InvalidEvent("score is required", "/score");
        }
        double score = EventFields.boundedNumber(node, "/score", settings.maxMagnitude());
        boolean percentage = unit == ScoreUnit.PERCENT && !Boolean.FALSE.equals(higherIsBetter);
        if (percentage && (score < 0 || score > 100)) {
            throw new InvalidEvent("score " + score + " is outside [0, 100]; send unit \"raw\" for a score that is not"
                    + " a percentage", "/score");
        }
        return score;
    }

    /** A random-guess score: a percentage in [0, 100), for boards where higher is better (see Normalization). */
    private static Double readBaseline(JsonNode node, ScoreUnit unit, Boolean higherIsBetter) {
        if (EventFields.isAbsent(node)) {
            return null;
        }
        double baseline = EventFields.boundedNumber(node, "/benchmarkBaseline", Double.MAX_VALUE);
        if (!Normalization.isBaseline(baseline)) {
            throw new InvalidEvent("benchmarkBaseline " + baseline + " is outside [0, 100): it is the score of"
                    + " random guessing, in percent", "/benchmarkBaseline");
        }
        if (unit == ScoreUnit.RAW || Boolean.FALSE.equals(higherIsBetter)) {
            throw new InvalidEvent("benchmarkBaseline applies only to percentage scores where higher is better",
                    "/benchmarkBaseline");
        }
        return baseline;
    }

    private static Instant readInstant(JsonNode node, Instant recordTimestamp) {
        String text = EventFields.optionalText(node, "/evaluatedAt", 64, Text.AS_SENT);
        if (text == null) {
            return recordTimestamp.truncatedTo(ChronoUnit.MICROS);
        }
        Instant instant;
        try {
            instant = OffsetInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEvent("evaluatedAt must be an ISO-8601 instant with a zone, such as "
                    + "2025-07-01T12:00:00Z", "/evaluatedAt");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidEvent("evaluatedAt must be between the years 1 and 9999", "/evaluatedAt");
        }
        // The database keeps microseconds; truncating here keeps ordering identical on both sides.
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A result dated in the future would stay current until that date: only clock skew is tolerated. */
    private Instant notInTheFuture(Instant evaluatedAt, JsonNode stated) {
        Instant latest = clock.instant().plus(settings.maxFutureSkew());
        if (evaluatedAt.isAfter(latest)) {
            String what = EventFields.isAbsent(stated) ? "the record timestamp (used as evaluatedAt) " + evaluatedAt
                    : "evaluatedAt " + evaluatedAt;
            throw new InvalidEvent(what + " is later than now plus " + settings.maxFutureSkew().toMinutes()
                    + " minutes (" + latest.truncatedTo(ChronoUnit.SECONDS) + ")", "/evaluatedAt");
        }
        return evaluatedAt;
    }

    /** Provenance: free text, or a URL; a link a page might render must not run anything, so http(s) only. */
    private static String readSource(JsonNode node) {
        String source = EventFields.optionalText(node, "/source", MAX_SOURCE_LENGTH, Text.AS_SENT);
        if (source != null) {
            var scheme = URL_SCHEME.matcher(source.stripLeading());
            if (scheme.find() && !Set.of("http", "https").contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
                throw new InvalidEvent("source must be an http or https URL or plain text, not a "
                        + scheme.group(1) + ": URL", "/source");
            }
        }
        return source;
    }
}
