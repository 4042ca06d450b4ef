package dev.evalboard.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 date-time with an offset, exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does. The
 * form producers send ({@code 2025-07-01T12:00:00Z}, with a fraction or a {@code +02:00} offset) is read directly:
 * the formatter took a twentieth of ingest's parsing time on it. Anything else goes to the formatter, which
 * decides.
 */
final class OffsetInstants {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private OffsetInstants() {
    }

    /** @throws DateTimeParseException when the formatter refuses the text */
    static Instant parse(String text) {
        Instant common = parseCommonForm(text);
        return common != null ? common
                : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, then optionally {@code .} and 1 to 9 digits, then {@code Z} or
     * {@code ±HH:MM}, all fields in range: the instant; anything else: null.
     */
    static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && isDigit(text.charAt(at))) {
                at++;
            }
            int count = at - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count) * POWERS_OF_TEN[9 - count];
        }
        Integer offset = offsetSeconds(text, at);
        if (offset == null) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
    }

    /** The offset that ends the text at {@code at}, {@code Z} or {@code ±HH:MM}; null for anything else. */
    private static Integer offsetSeconds(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        char sign = left == 6 ? text.charAt(at) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3_600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return null;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The ASCII digits at {@code [from, from + count)} as a number, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
