package dev.evalboard.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** COPY's text format, checked against a character-by-character escaping on random values. */
class CopyRowsTest {

    private static final String ALPHABET = "ab\\\t\n\r \u00e9\u4e2dN";

    @Test
    void escapesWhatCopyReadsAsSpecialAndNothingElse() {
        Random random = new Random(20261130);
        for (int i = 0; i < 20_000; i++) {
            String first = randomText(random);
            String second = randomText(random);
            String expected = bruteForce(first) + "\t\\N\t" + bruteForce(second) + "\t42\n";
            assertEquals(expected, new CopyRows().value(first).value(null).value(second).value(42L).endRow().text(),
                    first + " / " + second);
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            // Half the values hold no special character at all, as most real ones.
            text.append(ALPHABET.charAt(random.nextInt(random.nextBoolean() ? 2 : ALPHABET.length())));
        }
        return text.toString();
    }

    private static String bruteForce(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            escaped.append(switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> String.valueOf(c);
            });
        }
        return escaped.toString();
    }
}
