package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event's {@code benchmarkVersion} and {@code settings}, and the partial-run rule. */
class RunSettingsParserTest {

    private static final Instant RECORD_TIME = Instant.parse("2025-01-02T03:04:05Z");
    private final ResultEventParser parser = new ResultEventParser();

    @Test
    void readsAVersionAndEverySetting() {
        ResultEvent event = accepted(base("\"samples\":500,\"benchmarkVersion\":\" 1.0\\u202e \",\"settings\":"
                + "{\"fewShot\":5,\"samplesTotal\":1000,\"harness\":\"lm-evaluation-harness\","
                + "\"harnessVersion\":\"0.4.9\",\"commit\":\"a1b2c3d\",\"newerMember\":{}}"));
        assertEquals("1.0", event.benchmarkVersion(), "trimmed, format characters removed, as names are");
        assertEquals(new RunSettings(5, 1000L, "lm-evaluation-harness", "0.4.9", "a1b2c3d"), event.settings());
        assertTrue(event.partial());
    }

    @Test
    void leavesBothOutWhenAbsentOrNull() {
        ResultEvent event = accepted(base("\"benchmarkVersion\":null,\"settings\":null"));
        assertNull(event.benchmarkVersion());
        assertEquals(RunSettings.NONE, event.settings());
        assertEquals(RunSettings.NONE, accepted(base("\"settings\":{}")).settings());
        assertFalse(event.partial());
    }

    @Test
    void acceptsZeroShotAndAFullRun() {
        ResultEvent event = accepted(base("\"samples\":1000,\"settings\":{\"fewShot\":0,\"samplesTotal\":1000}"));
        assertEquals(0, event.settings().fewShot());
        assertFalse(event.partial(), "samples equal to samplesTotal is a full run");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"benchmarkVersion\":\"\"|/benchmarkVersion|must not be empty",
            "\"benchmarkVersion\":\"   \"|/benchmarkVersion|must not be empty",
            "\"benchmarkVersion\":1|/benchmarkVersion|must be a string",
            "\"benchmarkVersion\":\"a\\u0007\"|/benchmarkVersion|control characters",
            "\"benchmarkVersion\":\"12345678901234567890123456789012345678901234567890123456789012345\""
                    + "|/benchmarkVersion|at most 64",
            "\"settings\":[]|/settings|must be an object",
            "\"settings\":{\"fewShot\":-1}|/settings/fewShot|from 0 to 10000",
            "\"settings\":{\"fewShot\":10001}|/settings/fewShot|from 0 to 10000",
            "\"settings\":{\"fewShot\":1.5}|/settings/fewShot|from 0 to 10000",
            "\"settings\":{\"fewShot\":\"5\"}|/settings/fewShot|from 0 to 10000",
            "\"settings\":{\"samplesTotal\":0}|/settings/samplesTotal|1 or more",
            "\"settings\":{\"harness\":\"\"}|/settings/harness|must not be empty",
            "\"settings\":{\"harnessVersion\":\"v\\n1\"}|/settings/harnessVersion|control characters",
            "\"settings\":{\"commit\":7}|/settings/commit|must be a string",
            "\"samples\":1001,\"settings\":{\"samplesTotal\":1000}|/samples|must not exceed settings.samplesTotal",
    })
    void rejectsBadVersionsAndSettingsNamingTheField(String fields, String pointer, String reason) {
        Violation violation = rejected(base(fields));
        assertEquals(pointer, violation.pointer());
        assertTrue(violation.message().contains(reason), violation.message());
    }

    @Test
    void rejectsOverlongSettingText() {
        Violation violation = rejected(base("\"settings\":{\"harness\":\"" + "h".repeat(101) + "\"}"));
        assertEquals("/settings/harness", violation.pointer());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = { "-,-,false", "10,-,false", "-,10,false", "10,10,false", "9,10,true",
            "1,1000,true", "11,10,false" })
    void aRunIsPartialOnlyWhenBothCountsAreKnownAndSamplesFallShort(Long samples, Long total, boolean partial) {
        assertEquals(partial, EventRules.isPartial(samples, total));
    }

    private static String base(String extra) {
        return "{\"eventId\":\"e1\",\"model\":{\"name\":\"m\"},\"benchmark\":\"b\",\"score\":1," + extra + "}";
    }

    private ResultEvent accepted(String json) {
        ParseResult result = parser.parse(json.getBytes(StandardCharsets.UTF_8), RECORD_TIME);
        return assertInstanceOf(ParseResult.Accepted.class, result, result::toString).event();
    }

    private Violation rejected(String json) {
        ParseResult result = parser.parse(json.getBytes(StandardCharsets.UTF_8), RECORD_TIME);
        return assertInstanceOf(ParseResult.Rejected.class, result, result::toString).violation();
    }
}
