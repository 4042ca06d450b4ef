package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct reading must agree with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} on every text, valid or not. */
class OffsetInstantsTest {

    private static final String MUTATIONS = "0123456789-+:.TtZz \u0660x";

    @Test
    void agreesWithTheFormatterOnRandomTextsNearTheCommonForm() {
        Random random = new Random(20261130);
        int direct = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = mutate(commonForm(random), random);
            String expected = byFormatter(text);
            assertEquals(expected, byOffsetInstants(text), text);
            if (OffsetInstants.parseCommonForm(text) != null) {
                direct++;
            }
        }
        // Most texts are valid dates in the common form: they must take the direct path, not the formatter's.
        assertTrue(direct > 50_000, "only " + direct + " texts were read directly");
    }

    @Test
    void readsTheFormsProducersSendDirectly() {
        for (String text : new String[] {"2025-07-01T12:00:00Z", "2025-07-01T12:00:00.123456Z",
                "2024-02-29T23:59:59.999999999+02:00", "0001-01-01T00:00:00-18:00", "9999-12-31T23:59:59+18:00"}) {
            assertNotNull(OffsetInstants.parseCommonForm(text), text);
            assertEquals(byFormatter(text), byOffsetInstants(text), text);
        }
    }

    @Test
    void leavesOtherFormsToTheFormatter() {
        for (String text : new String[] {"2025-07-01T12:00Z", "2025-07-01t12:00:00z", "2025-07-01T12:00:00+02:00:30",
                "+10000-01-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-07-01T24:00:00Z", "2025-07-01T12:00:60Z",
                "2025-07-01T12:00:00.Z", "2025-07-01T12:00:00.1234567890Z", "2025-07-01T12:00:00+18:01"}) {
            assertNull(OffsetInstants.parseCommonForm(text), text);
            assertEquals(byFormatter(text), byOffsetInstants(text), text);
        }
    }

    private static String commonForm(Random random) {
        String fraction = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "." + digits(random, 1 + random.nextInt(9));
            default -> "." + digits(random, 10);
        };
        String offset = switch (random.nextInt(3)) {
            case 0 -> "Z";
            case 1 -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20),
                    random.nextInt(62));
            default -> String.format("%s%02d:00", random.nextBoolean() ? "+" : "-", random.nextInt(19));
        };
        // Days up to 31 in every month, hours to 24, minutes and seconds to 60: the edges of each range.
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), 1 + random.nextInt(13),
                1 + random.nextInt(31), random.nextInt(25), random.nextInt(61), random.nextInt(61), fraction, offset);
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A third of the texts get one character replaced, inserted or removed. */
    private static String mutate(String text, Random random) {
        int position = random.nextInt(text.length());
        char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
        return switch (random.nextInt(9)) {
            case 0 -> text.substring(0, position) + c + text.substring(position + 1);
            case 1 -> text.substring(0, position) + c + text.substring(position);
            case 2 -> text.substring(0, position) + text.substring(position + 1);
            default -> text;
        };
    }

    private static String byFormatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private static String byOffsetInstants(String text) {
        try {
            Instant instant = OffsetInstants.parse(text);
            return instant.toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
