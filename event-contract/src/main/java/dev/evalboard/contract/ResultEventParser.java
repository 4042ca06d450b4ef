package dev.evalboard.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Parses and validates one {@code eval.results} record value, as section 1 of the contract says. The single place
 * where the rules live: a rejection names the rule that failed and the field (as a JSON pointer) it failed on.
 * Thread-safe.
 */
public final class ResultEventParser {

    public static final int SUPPORTED_SCHEMA_VERSION = 1;
    public static final String DEFAULT_METRIC = "pass@1";
    static final int MAX_EVENT_ID_LENGTH = 128;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_SOURCE_LENGTH = 2000;
    private static final Pattern METRIC = Pattern.compile("[a-z0-9@._:/-]{1,64}");
    // PostgreSQL stores instants far beyond this, but a year outside 1..9999 is a producer bug, not a result.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final ObjectMapper mapper = JsonMapper.builder(new JsonFactory())
            // NaN and Infinity are read as numbers so that the rejection can name the field, not just "bad JSON".
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * @param value           the record value bytes, possibly null
     * @param recordTimestamp used as {@code evaluatedAt} when the event has none
     */
    public ParseResult parse(byte[] value, Instant recordTimestamp) {
        try {
            return new ParseResult.Accepted(read(value, recordTimestamp));
        } catch (InvalidEvent e) {
            return new ParseResult.Rejected(e.violation);
        }
    }

    private ResultEvent read(byte[] value, Instant recordTimestamp) {
        if (value == null || value.length == 0) {
            throw new InvalidEvent("the record value is empty", null);
        }
        JsonNode root = readJson(decodeUtf8(value));
        if (!root.isObject()) {
            throw new InvalidEvent("the record value must be a JSON object, not " + describe(root), "");
        }
        checkSchemaVersion(root.get("schemaVersion"));

        String eventId = requiredText(root, "eventId", "/eventId", MAX_EVENT_ID_LENGTH, false);
        ModelInfo model = readModel(root.get("model"));
        String benchmark = requiredText(root, "benchmark", "/benchmark", MAX_NAME_LENGTH, true);
        String metric = optionalText(root.get("metric"), "/metric", 64, false);
        if (metric == null) {
            metric = DEFAULT_METRIC;
        } else if (!METRIC.matcher(metric).matches()) {
            throw new InvalidEvent("metric must match [a-z0-9@._:/-]{1,64}", "/metric");
        }
        ScoreUnit unit = readUnit(root.get("unit"));
        Boolean higherIsBetter = optionalBoolean(root.get("higherIsBetter"), "/higherIsBetter");
        double score = readScore(root.get("score"), unit, higherIsBetter);
        Double stderr = optionalNonNegative(root.get("stderr"), "/stderr");
        Long samples = optionalPositiveInteger(root.get("samples"), "/samples");
        Double costUsd = optionalNonNegative(root.get("costUsd"), "/costUsd");
        Instant evaluatedAt = readInstant(root.get("evaluatedAt"), recordTimestamp);
        String source = optionalText(root.get("source"), "/source", MAX_SOURCE_LENGTH, false);
        return new ResultEvent(eventId, model, benchmark, metric, score, unit, stderr, samples, higherIsBetter,
                costUsd, evaluatedAt, source);
    }

    private static String decodeUtf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEvent("the record value is not valid UTF-8", null);
        }
    }

    private JsonNode readJson(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEvent("the record value holds no JSON", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            String detail = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidEvent("the record value is not valid JSON" + where + ": "
                    + detail.substring(0, Math.min(200, detail.length())), null);
        }
    }

    private static void checkSchemaVersion(JsonNode node) {
        if (isAbsent(node)) {
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
        if (isAbsent(model)) {
            throw new InvalidEvent("model is required", "/model");
        }
        if (!model.isObject()) {
            throw new InvalidEvent("model must be an object", "/model");
        }
        String name = requiredText(model, "name", "/model/name", MAX_NAME_LENGTH, true);
        Long parameters = optionalPositiveInteger(model.get("parameters"), "/model/parameters");
        Long active = optionalPositiveInteger(model.get("activeParameters"), "/model/activeParameters");
        if (parameters != null && active != null && active > parameters) {
            throw new InvalidEvent("model.activeParameters (" + active + ") must not exceed model.parameters ("
                    + parameters + ")", "/model/activeParameters");
        }
        String opennessName = optionalText(model.get("openness"), "/model/openness", 64, false);
        Openness openness = opennessName == null ? null : Openness.fromWireName(opennessName).orElseThrow(
                () -> new InvalidEvent("model.openness must be one of closed, open-weights, open-weights-open-data",
                        "/model/openness"));
        String organization = optionalText(model.get("organization"), "/model/organization", MAX_NAME_LENGTH, false);
        return new ModelInfo(name, parameters, active, openness, organization);
    }

    private static ScoreUnit readUnit(JsonNode node) {
        String name = optionalText(node, "/unit", 16, false);
        if (name == null) {
            return ScoreUnit.PERCENT;
        }
        return ScoreUnit.fromWireName(name)
                .orElseThrow(() -> new InvalidEvent("unit must be percent or raw", "/unit"));
    }

    private static double readScore(JsonNode node, ScoreUnit unit, Boolean higherIsBetter) {
        if (isAbsent(node)) {
            throw new InvalidEvent("score is required", "/score");
        }
        double score = finiteNumber(node, "score", "/score");
        boolean percentage = unit == ScoreUnit.PERCENT && !Boolean.FALSE.equals(higherIsBetter);
        if (percentage && (score < 0 || score > 100)) {
            throw new InvalidEvent("score " + score + " is outside [0, 100]; send unit \"raw\" for a score that is not"
                    + " a percentage", "/score");
        }
        return score;
    }

    private static Instant readInstant(JsonNode node, Instant recordTimestamp) {
        String text = optionalText(node, "/evaluatedAt", 64, false);
        if (text == null) {
            return recordTimestamp.truncatedTo(ChronoUnit.MICROS);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
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

    private static String requiredText(JsonNode parent, String field, String pointer, int maxLength, boolean trim) {
        String text = optionalText(parent.get(field), pointer, maxLength, trim);
        if (text == null) {
            throw new InvalidEvent(pointerToName(pointer) + " is required", pointer);
        }
        return text;
    }

    /** Reads a string field: absent or null gives null; otherwise 1..maxLength code points, no control characters. */
    private static String optionalText(JsonNode node, String pointer, int maxLength, boolean trim) {
        if (isAbsent(node)) {
            return null;
        }
        String name = pointerToName(pointer);
        if (!node.isTextual()) {
            throw new InvalidEvent(name + " must be a string, not " + describe(node), pointer);
        }
        String text = trim ? node.textValue().strip() : node.textValue();
        if (text.isEmpty()) {
            throw new InvalidEvent(name + " must not be empty", pointer);
        }
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) == Character.CONTROL) {
                throw new InvalidEvent(name + " must not contain control characters", pointer);
            }
            if (Character.getType(codePoint) == Character.SURROGATE) {
                throw new InvalidEvent(name + " contains an unpaired UTF-16 surrogate", pointer);
            }
            i += Character.charCount(codePoint);
            if (++length > maxLength) {
                throw new InvalidEvent(name + " must be at most " + maxLength + " characters", pointer);
            }
        }
        return text;
    }

    private static Boolean optionalBoolean(JsonNode node, String pointer) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidEvent(pointerToName(pointer) + " must be true or false, not " + describe(node), pointer);
        }
        return node.booleanValue();
    }

    private static Long optionalPositiveInteger(JsonNode node, String pointer) {
        if (isAbsent(node)) {
            return null;
        }
        String name = pointerToName(pointer);
        if (!node.isNumber() || !isFinite(node) || !node.canConvertToExactIntegral()) {
            throw new InvalidEvent(name + " must be a whole number, not " + describe(node), pointer);
        }
        if (!node.canConvertToLong()) {
            throw new InvalidEvent(name + " is too large", pointer);
        }
        long value = node.asLong();
        if (value < 1) {
            throw new InvalidEvent(name + " must be 1 or more", pointer);
        }
        return value;
    }

    private static Double optionalNonNegative(JsonNode node, String pointer) {
        if (isAbsent(node)) {
            return null;
        }
        double value = finiteNumber(node, pointerToName(pointer), pointer);
        if (value < 0) {
            throw new InvalidEvent(pointerToName(pointer) + " must not be negative", pointer);
        }
        return value;
    }

    private static double finiteNumber(JsonNode node, String name, String pointer) {
        if (!node.isNumber()) {
            throw new InvalidEvent(name + " must be a number, not " + describe(node), pointer);
        }
        double value = node.doubleValue();
        if (!isFinite(node) || !Double.isFinite(value)) {
            throw new InvalidEvent(name + " must be a finite number", pointer);
        }
        return value;
    }

    private static boolean isFinite(JsonNode node) {
        return !node.isDouble() || Double.isFinite(node.doubleValue());
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static String pointerToName(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    /** Thrown inside the parser only; carries the first rule an event breaks. */
    private static final class InvalidEvent extends RuntimeException {
        private final transient Violation violation;

        InvalidEvent(String message, String pointer) {
            super(message, null, false, false);
            this.violation = new Violation(message, pointer);
        }
    }
}
