package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultEventParserTest {

    private static final Instant RECORD_TIME = Instant.parse("2025-01-02T03:04:05.123456789Z");
    private final ResultEventParser parser = new ResultEventParser();

    @Test
    void acceptsTheContractExampleWithEveryField() {
        String json = """
                {"schemaVersion": 1, "eventId": "6f1c2a9e", "model": {"name": " DASD-4B-Thinking ",
                 "parameters": 4000000000, "activeParameters": 4000000000, "openness": "open-weights-open-data",
                 "organization": "Example Lab"}, "benchmark": "LiveCodeBench v5", "metric": "pass@1",
                 "score": 70.5, "stderr": 0.9, "samples": 64, "higherIsBetter": true, "costUsd": 12.40,
                 "evaluatedAt": "2025-07-01T12:00:00Z", "source": "https://example.org/report", "newerField": [1]}
                """;
        ResultEvent event = accepted(json);
        assertEquals("6f1c2a9e", event.eventId());
        assertEquals(new ModelInfo("DASD-4B-Thinking", 4_000_000_000L, 4_000_000_000L,
                Openness.OPEN_WEIGHTS_OPEN_DATA, "Example Lab"), event.model());
        assertEquals("LiveCodeBench v5", event.benchmark());
        assertEquals(70.5, event.score());
        assertEquals(0.9, event.stderr());
        assertEquals(64L, event.samples());
        assertEquals(Boolean.TRUE, event.higherIsBetter());
        assertEquals(12.40, event.costUsd());
        assertEquals(Instant.parse("2025-07-01T12:00:00Z"), event.evaluatedAt());
        assertEquals("https://example.org/report", event.source());
    }

    @Test
    void fillsDefaultsForOptionalFields() {
        ResultEvent event = accepted("{\"eventId\":\"e1\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1}");
        assertEquals("pass@1", event.metric());
        assertEquals(ScoreUnit.PERCENT, event.unit());
        assertNull(event.higherIsBetter());
        assertNull(event.model().parameters());
        assertEquals(Instant.parse("2025-01-02T03:04:05.123456Z"), event.evaluatedAt(),
                "the record timestamp, truncated to the microseconds the database keeps");
    }

    @Test
    void allowsScoresOutsidePercentRangeForRawUnitsAndLowerIsBetter() {
        assertEquals(1234.5, accepted(base("\"score\":1234.5,\"unit\":\"raw\"")).score());
        assertEquals(-3.0, accepted(base("\"score\":-3,\"higherIsBetter\":false")).score());
    }

    @Test
    void readsABenchmarkBaselineFromZeroToBelowAHundred() {
        assertEquals(25.0, accepted(base("\"score\":1,\"benchmarkBaseline\":25")).benchmarkBaseline());
        assertEquals(0.0, accepted(base("\"score\":1,\"benchmarkBaseline\":0")).benchmarkBaseline());
        assertEquals(99.5, accepted(base("\"score\":1,\"benchmarkBaseline\":99.5")).benchmarkBaseline());
        assertNull(accepted(base("\"score\":1")).benchmarkBaseline());
    }

    @Test
    void acceptsAnOffsetInstantAndNormalisesIt() {
        assertEquals(Instant.parse("2025-07-01T10:00:00Z"),
                accepted(base("\"score\":1,\"evaluatedAt\":\"2025-07-01T12:00:00+02:00\"")).evaluatedAt());
    }

    static Stream<Arguments> badRecords() {
        String longName = "x".repeat(10_000);
        return Stream.of(
                Arguments.of("empty value", "", null, "empty"),
                Arguments.of("not JSON", "{not json", null, "not valid JSON"),
                Arguments.of("trailing garbage", base("\"score\":1") + " {}", null, "not valid JSON"),
                Arguments.of("not an object", "[1,2,3]", "", "must be a JSON object"),
                Arguments.of("a bare string", "\"hello\"", "", "must be a JSON object"),
                Arguments.of("missing eventId", "{\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1}",
                        "/eventId", "eventId is required"),
                Arguments.of("empty eventId", "{\"eventId\":\"\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\","
                        + "\"score\":1}", "/eventId", "must not be empty"),
                Arguments.of("129-character eventId", "{\"eventId\":\"" + "e".repeat(129) + "\",\"model\":{\"name\":"
                        + "\"m\"},\"benchmark\":\"b\",\"score\":1}", "/eventId", "at most 128"),
                Arguments.of("missing model", "{\"eventId\":\"e\",\"benchmark\":\"b\",\"score\":1}", "/model",
                        "model is required"),
                Arguments.of("model not an object", "{\"eventId\":\"e\",\"model\":\"m\",\"benchmark\":\"b\","
                        + "\"score\":1}", "/model", "must be an object"),
                Arguments.of("missing model.name", "{\"eventId\":\"e\",\"model\":{},\"benchmark\":\"b\",\"score\":1}",
                        "/model/name", "model.name is required"),
                Arguments.of("blank model.name", "{\"eventId\":\"e\",\"model\":{\"name\":\"   \"},\"benchmark\":\"b\","
                        + "\"score\":1}", "/model/name", "must not be empty"),
                Arguments.of("numeric model.name", "{\"eventId\":\"e\",\"model\":{\"name\":42},\"benchmark\":\"b\","
                        + "\"score\":1}", "/model/name", "must be a string"),
                Arguments.of("10 KB model.name", "{\"eventId\":\"e\",\"model\":{\"name\":\"" + longName + "\"},"
                        + "\"benchmark\":\"b\",\"score\":1}", "/model/name", "at most 200"),
                Arguments.of("control character in model.name", "{\"eventId\":\"e\",\"model\":{\"name\":\"a\\u0007b\"},"
                        + "\"benchmark\":\"b\",\"score\":1}", "/model/name", "control characters"),
                Arguments.of("NUL in benchmark", base("\"score\":1").replace("\"b\"", "\"b\\u0000\""), "/benchmark",
                        "control characters"),
                Arguments.of("unpaired surrogate", base("\"score\":1").replace("\"b\"", "\"b\\ud800\""), "/benchmark",
                        "surrogate"),
                Arguments.of("missing benchmark", "{\"eventId\":\"e\",\"model\":{\"name\":\"m\"},\"score\":1}",
                        "/benchmark", "benchmark is required"),
                Arguments.of("missing score", base("\"metric\":\"pass@1\""), "/score", "score is required"),
                Arguments.of("score as string", base("\"score\":\"70\""), "/score", "must be a number"),
                Arguments.of("NaN score", base("\"score\":NaN"), "/score", "finite"),
                Arguments.of("Infinity score", base("\"score\":Infinity"), "/score", "finite"),
                Arguments.of("overflowing score", base("\"score\":1e400"), "/score", "finite"),
                Arguments.of("score 100.5", base("\"score\":100.5"), "/score", "outside [0, 100]"),
                Arguments.of("negative percent score", base("\"score\":-0.5"), "/score", "outside [0, 100]"),
                Arguments.of("negative parameters", model("\"parameters\":-5"), "/model/parameters", "1 or more"),
                Arguments.of("zero parameters", model("\"parameters\":0"), "/model/parameters", "1 or more"),
                Arguments.of("fractional parameters", model("\"parameters\":7.5"), "/model/parameters",
                        "whole number"),
                Arguments.of("parameters as string", model("\"parameters\":\"7B\""), "/model/parameters",
                        "whole number"),
                Arguments.of("parameters beyond a long", model("\"parameters\":1e30"), "/model/parameters",
                        "too large"),
                Arguments.of("activeParameters above parameters", model("\"parameters\":10,\"activeParameters\":11"),
                        "/model/activeParameters", "must not exceed"),
                Arguments.of("unknown openness", model("\"openness\":\"open-source\""), "/model/openness",
                        "must be one of"),
                // What charts show for a model whose events do not say; an event cannot say it.
                Arguments.of("openness unknown", model("\"openness\":\"unknown\""), "/model/openness",
                        "must be one of"),
                Arguments.of("long organization", model("\"organization\":\"" + "o".repeat(201) + "\""),
                        "/model/organization", "at most 200"),
                Arguments.of("bad metric", base("\"score\":1,\"metric\":\"Pass At 1\""), "/metric", "must match"),
                Arguments.of("unknown unit", base("\"score\":1,\"unit\":\"ratio\""), "/unit", "percent or raw"),
                Arguments.of("negative stderr", base("\"score\":1,\"stderr\":-1"), "/stderr", "must not be negative"),
                Arguments.of("zero samples", base("\"score\":1,\"samples\":0"), "/samples", "1 or more"),
                Arguments.of("higherIsBetter as string", base("\"score\":1,\"higherIsBetter\":\"yes\""),
                        "/higherIsBetter", "true or false"),
                Arguments.of("negative costUsd", base("\"score\":1,\"costUsd\":-0.01"), "/costUsd",
                        "must not be negative"),
                Arguments.of("unparsable evaluatedAt", base("\"score\":1,\"evaluatedAt\":\"yesterday\""),
                        "/evaluatedAt", "ISO-8601"),
                Arguments.of("evaluatedAt without zone", base("\"score\":1,\"evaluatedAt\":\"2025-07-01T12:00:00\""),
                        "/evaluatedAt", "ISO-8601"),
                Arguments.of("evaluatedAt in year 10000", base("\"score\":1,\"evaluatedAt\":\"+10000-01-01T00:00:00Z\""),
                        "/evaluatedAt", "between the years"),
                Arguments.of("long source", base("\"score\":1,\"source\":\"" + "s".repeat(2001) + "\""), "/source",
                        "at most 2000"),
                Arguments.of("newer schemaVersion", base("\"score\":1,\"schemaVersion\":2"), "/schemaVersion",
                        "newer than this service understands"),
                Arguments.of("schemaVersion 0", base("\"score\":1,\"schemaVersion\":0"), "/schemaVersion",
                        "1 or more"),
                Arguments.of("duplicate key", base("\"score\":1,\"score\":2"), null, "not valid JSON"),
                Arguments.of("evaluatedAt in 9999", base("\"score\":1,\"evaluatedAt\":\"9999-12-31T00:00:00Z\""),
                        "/evaluatedAt", "later than now plus 5 minutes"),
                Arguments.of("raw score 1.7e308", base("\"score\":1.7e308,\"unit\":\"raw\""), "/score",
                        "beyond the bound of 1.0E12"),
                Arguments.of("lower-is-better score -1e13", base("\"score\":-1e13,\"higherIsBetter\":false"),
                        "/score", "beyond the bound"),
                Arguments.of("costUsd 1e300", base("\"score\":1,\"costUsd\":1e300"), "/costUsd", "beyond the bound"),
                Arguments.of("stderr 1e300", base("\"score\":1,\"stderr\":1e300"), "/stderr", "beyond the bound"),
                Arguments.of("benchmarkBaseline 100", base("\"score\":1,\"benchmarkBaseline\":100"),
                        "/benchmarkBaseline", "outside [0, 100)"),
                Arguments.of("negative benchmarkBaseline", base("\"score\":1,\"benchmarkBaseline\":-1"),
                        "/benchmarkBaseline", "outside [0, 100)"),
                Arguments.of("benchmarkBaseline as string", base("\"score\":1,\"benchmarkBaseline\":\"25\""),
                        "/benchmarkBaseline", "must be a number"),
                Arguments.of("benchmarkBaseline of a raw score",
                        base("\"score\":1,\"unit\":\"raw\",\"benchmarkBaseline\":25"), "/benchmarkBaseline",
                        "only to percentage scores where higher is better"),
                Arguments.of("benchmarkBaseline where lower is better",
                        base("\"score\":1,\"higherIsBetter\":false,\"benchmarkBaseline\":25"),
                        "/benchmarkBaseline", "only to percentage scores where higher is better"),
                Arguments.of("javascript: source", base("\"score\":1,\"source\":\"javascript:alert(1)\""),
                        "/source", "http or https"),
                Arguments.of("data: source", base("\"score\":1,\"source\":\"data:text/html,<b>x</b>\""), "/source",
                        "not a data: URL"),
                Arguments.of("upper-case scheme after spaces", base("\"score\":1,\"source\":\"  JavaScript:x\""),
                        "/source", "http or https"),
                Arguments.of("model.name of format characters only", model("\"organization\":\"o\"")
                        .replace("\"name\":\"m\"", "\"name\":\"\\u202e\\u200b\""), "/model/name", "must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void rejectsBadRecordsNamingTheField(String kind, String json, String pointer, String reason) {
        Violation violation = rejected(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(pointer, violation.pointer(), kind);
        if (!violation.message().contains(reason)) {
            throw new AssertionError(kind + ": expected a reason containing '" + reason + "' but got '"
                    + violation.message() + "'");
        }
    }

    @Test
    void acceptsEvaluatedAtUpToTheSkewPastThisMachinesClockNotTheRecordTimestamp() {
        Instant now = Instant.parse("2025-07-01T12:00:00Z");
        ResultEventParser atNoon = new ResultEventParser(ParserSettings.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
        String fiveMinutesAhead = base("\"score\":1,\"evaluatedAt\":\"2025-07-01T12:05:00Z\"");
        assertInstanceOf(ParseResult.Accepted.class, atNoon.parse(utf8(fiveMinutesAhead), now));
        String sixMinutesAhead = base("\"score\":1,\"evaluatedAt\":\"2025-07-01T12:06:00Z\"");
        // A producer's own record timestamp cannot vouch for an event's date.
        Violation late = assertInstanceOf(ParseResult.Rejected.class,
                atNoon.parse(utf8(sixMinutesAhead), now.plus(Duration.ofDays(1)))).violation();
        assertEquals("evaluatedAt 2025-07-01T12:06:00Z is later than now plus 5 minutes (2025-07-01T12:05:00Z)",
                late.message());
        Violation undated = assertInstanceOf(ParseResult.Rejected.class,
                atNoon.parse(utf8(base("\"score\":1")), Instant.parse("2030-01-01T00:00:00Z"))).violation();
        assertEquals("/evaluatedAt", undated.pointer());
        assertTrue(undated.message().startsWith("the record timestamp (used as evaluatedAt)"), undated.message());

        ResultEventParser lenient = new ResultEventParser(new ParserSettings(Duration.ofHours(1), 1e12),
                Clock.fixed(now, ZoneOffset.UTC));
        assertInstanceOf(ParseResult.Accepted.class, lenient.parse(utf8(sixMinutesAhead), now));
    }

    @Test
    void boundsScoresAndCostsByTheConfiguredMagnitude() {
        assertEquals(1e12, accepted(base("\"score\":1e12,\"unit\":\"raw\",\"costUsd\":1e12")).score());
        ResultEventParser wide = new ResultEventParser(new ParserSettings(Duration.ofMinutes(5), 1e300),
                Clock.systemUTC());
        String huge = base("\"score\":1e299,\"unit\":\"raw\"");
        assertInstanceOf(ParseResult.Accepted.class, wide.parse(utf8(huge), RECORD_TIME));
        assertInstanceOf(ParseResult.Rejected.class, parser.parse(utf8(huge), RECORD_TIME));
    }

    @Test
    void sourceMayBePlainProvenanceTextOrAnHttpUrl() {
        for (String source : List.of("https://example.org/report", "HTTP://example.org", "lm-evaluation-harness 0.4.9",
                "harness: lm-eval 0.4.9", "run 42 on node-7")) {
            assertEquals(source, accepted(base("\"score\":1,\"source\":\"" + source + "\"")).source());
        }
    }

    @Test
    void stripsFormatCharactersFromNamesAndLabels() {
        ResultEvent event = accepted("{\"eventId\":\"e1\",\"model\":{\"name\":\"\\u202eevil\\u202c model\","
                + "\"organization\":\"Lab\\u200b\\u2066X\"},\"benchmark\":\" \\ufeffAIME\\u00ad 2024\",\"score\":1}");
        assertEquals("evil model", event.model().name());
        assertEquals("LabX", event.model().organization());
        assertEquals("AIME 2024", event.benchmark());
        // Not format characters: combining marks and right-to-left letters stay.
        assertEquals("e\u0301 \u05e9\u05dc\u05d5\u05dd", accepted(base("\"score\":1").replace("\"name\":\"m\"",
                "\"name\":\"e\\u0301 \\u05e9\\u05dc\\u05d5\\u05dd\"")).model().name());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bytes = base("\"score\":1").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3; // a lone lead byte
        assertEquals("the record value is not valid UTF-8", rejected(bytes).message());
    }

    @Test
    void readsRawUtf8AndRejectsItsOverlongAndSurrogateForms() {
        // Most records are ASCII and read from their bytes as they stand; the others are decoded strictly first.
        assertEquals("\u00e9l\u00e8ve \ud83e\udd16", accepted(base("\"score\":1").replace("\"name\":\"m\"",
                "\"name\":\"\u00e9l\u00e8ve \ud83e\udd16\"")).model().name());
        for (byte[] form : new byte[][] {{(byte) 0xC1, (byte) 0xA1}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            String json = base("\"score\":1");
            int at = json.indexOf("\"m\"") + 1;
            byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] tail = json.substring(at).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + form.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(form, 0, bytes, head.length, form.length);
            System.arraycopy(tail, 0, bytes, head.length + form.length, tail.length);
            assertEquals("the record value is not valid UTF-8", rejected(bytes).message());
        }
    }

    @Test
    void rejectsJsonInUtf16AndUtf32() {
        // All their bytes are below 0x80, as ASCII's are: they must not be read as UTF-16 or UTF-32 from them, nor
        // break the parser (Jackson throws on the byte orders of UTF-32 it does not support).
        List<byte[]> values = new ArrayList<>();
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            values.add(base("\"score\":1").getBytes(Charset.forName(charset)));
        }
        values.add(new byte[] {0, 0, '{', 0});
        values.add(new byte[] {0, '{', 0, 0});
        for (byte[] value : values) {
            Violation violation = rejected(value);
            assertTrue(violation.message().startsWith("the record value is not valid JSON"), violation.message());
        }
    }

    @Test
    void rejectsANullValue() {
        assertEquals("the record value is empty", rejected(null).message());
    }

    private static String base(String extra) {
        return "{\"eventId\":\"e1\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\"," + extra + "}";
    }

    private static String model(String modelFields) {
        return "{\"eventId\":\"e1\",\"model\":{\"name\":\"m\"," + modelFields + "},\"benchmark\":\"b\",\"score\":1}";
    }

    private ResultEvent accepted(String json) {
        ParseResult result = parser.parse(json.getBytes(StandardCharsets.UTF_8), RECORD_TIME);
        return assertInstanceOf(ParseResult.Accepted.class, result, () -> result.toString()).event();
    }

    private Violation rejected(byte[] value) {
        ParseResult result = parser.parse(value, RECORD_TIME);
        return assertInstanceOf(ParseResult.Rejected.class, result, () -> result.toString()).violation();
    }
}
