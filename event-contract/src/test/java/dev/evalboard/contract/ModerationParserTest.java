package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModerationParserTest {
    private final ModerationParser parser = new ModerationParser();

    private ModerationRecord accepted(String json) {
        return assertInstanceOf(ModerationRecord.Accepted.class, parser.parse(bytes(json))).record();
    }

    private Violation rejected(String json) {
        return assertInstanceOf(ModerationRecord.Rejected.class, parser.parse(bytes(json))).violation();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheThreeActions() {
        assertEquals(new ModerationRecord.Flag("m-1", "contaminated", "https://example.org/why"),
                accepted("{\"action\":\"flag\",\"model\":\" m-1 \",\"reason\":\"contaminated\","
                        + "\"url\":\"https://example.org/why\"}"));
        assertEquals(new ModerationRecord.Flag("m-1", "contaminated", null),
                accepted("{\"action\":\"flag\",\"model\":\"m-1\",\"reason\":\"contaminated\"}"));
        assertEquals(new ModerationRecord.Unflag("m-1"), accepted("{\"action\":\"unflag\",\"model\":\"m-1\"}"));
        assertEquals(new ModerationRecord.Retract("run-7", "wrong split"),
                accepted("{\"action\":\"retract\",\"eventId\":\"run-7\",\"reason\":\"wrong split\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"action\":\"delete\",\"model\":\"m\"}|/action|action must be one of flag, unflag, retract",
        "{\"model\":\"m\"}|/action|action is required",
        "{\"action\":7,\"model\":\"m\"}|/action|action must be a string, not a number",
        "{\"action\":\"flag\",\"reason\":\"r\"}|/model|model is required",
        "{\"action\":\"flag\",\"model\":\"m\"}|/reason|reason is required",
        "{\"action\":\"flag\",\"model\":{\"name\":\"m\"},\"reason\":\"r\"}|/model|model must be a string, not an object",
        "{\"action\":\"flag\",\"model\":\"m\",\"reason\":\"a\\nb\"}|/reason|reason must not contain control characters",
        "{\"action\":\"flag\",\"model\":\"m\",\"reason\":\"r\",\"url\":\"javascript:alert(1)\"}|/url|url must be an absolute http or https URL",
        "{\"action\":\"flag\",\"model\":\"m\",\"reason\":\"r\",\"url\":\"/relative\"}|/url|url must be an absolute http or https URL",
        "{\"action\":\"retract\",\"reason\":\"r\"}|/eventId|eventId is required",
        "{\"action\":\"retract\",\"eventId\":\"e\"}|/reason|reason is required",
        "[1]||the record value must be a JSON object, not an array",
    })
    void rejectsWithTheRuleBroken(String json, String pointer, String message) {
        Violation violation = rejected(json);
        assertEquals(message, violation.message());
        assertEquals(pointer == null ? "" : pointer, violation.pointer());
    }

    @Test
    void boundsEveryField() {
        assertEquals("reason must be at most 500 characters", rejected("{\"action\":\"retract\",\"eventId\":\"e\","
                + "\"reason\":\"" + "x".repeat(501) + "\"}").message());
        assertEquals("eventId must be at most 128 characters", rejected("{\"action\":\"retract\",\"eventId\":\""
                + "e".repeat(129) + "\",\"reason\":\"r\"}").message());
        assertEquals("model must be at most 200 characters", rejected("{\"action\":\"unflag\",\"model\":\""
                + "m".repeat(201) + "\"}").message());
        assertEquals("url must be at most 2000 characters", rejected("{\"action\":\"flag\",\"model\":\"m\","
                + "\"reason\":\"r\",\"url\":\"https://e.org/" + "u".repeat(2000) + "\"}").message());
        assertEquals("a moderation record must be at most 8192 bytes, not 9000",
                rejected(" ".repeat(9000)).message());
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertEquals("the record value is empty",
                assertInstanceOf(ModerationRecord.Rejected.class, parser.parse(new byte[0])).violation().message());
        assertEquals("the record value is not valid JSON at line 1, column 11",
                rejected("{\"action\":").message().split(":")[0]);
    }

    @Test
    void readsStrictUtf8Only() {
        assertEquals(new ModerationRecord.Unflag("\u00e9l\u00e8ve \ud83e\udd16"),
                accepted("{\"action\":\"unflag\",\"model\":\"\u00e9l\u00e8ve \ud83e\udd16\"}"));
        byte[] overlong = bytes("{\"action\":\"unflag\",\"model\":\"m!\"}");
        int bang = new String(overlong, StandardCharsets.UTF_8).indexOf('!');
        byte[] value = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, value, 0, bang);
        value[bang] = (byte) 0xC0; // '!' in two bytes: an overlong form, which Jackson alone would read as '!'
        value[bang + 1] = (byte) 0xA1;
        System.arraycopy(overlong, bang + 1, value, bang + 2, overlong.length - bang - 1);
        assertEquals("the record value is not valid UTF-8", rejectedBytes(value).message());
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            Violation violation = rejectedBytes("{\"action\":\"unflag\",\"model\":\"m\"}"
                    .getBytes(Charset.forName(charset)));
            assertTrue(violation.message().startsWith("the record value is not valid JSON"),
                    charset + ": " + violation.message());
        }
    }

    private Violation rejectedBytes(byte[] value) {
        return assertInstanceOf(ModerationRecord.Rejected.class, parser.parse(value)).violation();
    }
}
