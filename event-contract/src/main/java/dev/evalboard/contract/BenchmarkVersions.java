package dev.evalboard.contract;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;

/**
 * A benchmark's version (the event's {@code benchmarkVersion}) and which of several is the newest. Versions compare
 * in natural order: runs of ASCII digits compare as numbers ("2" before "10"), everything else byte-wise in UTF-8;
 * versions equal but for leading zeros ("1.01", "1.1") are ordered by the first number that differs in them, fewer
 * zeros first, so that the order is total; a benchmark without a version (null) is the oldest. A
 * board shows its newest version unless a request names another.
 */
public final class BenchmarkVersions {

    /** At most this many characters (after trimming, as names are). */
    public static final int MAX_LENGTH = 64;

    /** Natural order, null (no version) first. */
    public static final Comparator<String> NATURAL_ORDER = Comparator.nullsFirst(BenchmarkVersions::compare);

    private BenchmarkVersions() {
    }

    /** The newest of one or more versions; null when the only one is "no version". */
    public static String newest(Collection<String> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no versions to choose from");
        }
        return Collections.max(versions, NATURAL_ORDER);
    }

    /**
     * Whether a query may name this version: what an event's {@code benchmarkVersion} becomes after its rules, so
     * 1..64 characters, not padded with spaces, without control or format characters.
     */
    public static boolean isVersion(String text) {
        if (text == null || text.isEmpty() || !text.equals(text.strip())
                || text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return false;
        }
        return text.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE);
    }

    private static int compare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        int j = 0;
        int leadingZeros = 0;
        while (i < x.length && j < y.length) {
            if (isDigit(x[i]) && isDigit(y[j])) {
                int endX = digitsEnd(x, i);
                int endY = digitsEnd(y, j);
                int order = compareValues(x, i, endX, y, j, endY);
                if (order != 0) {
                    return order;
                }
                if (leadingZeros == 0) {
                    leadingZeros = Integer.compare(endX - i, endY - j);
                }
                i = endX;
                j = endY;
            } else {
                if (x[i] != y[j]) {
                    return Integer.compare(x[i] & 0xff, y[j] & 0xff);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(x.length - i, y.length - j);
        return byLength != 0 ? byLength : leadingZeros;
    }

    /** By value, of any length (no overflow). */
    private static int compareValues(byte[] x, int startX, int endX, byte[] y, int startY, int endY) {
        int sigX = skipZeros(x, startX, endX);
        int sigY = skipZeros(y, startY, endY);
        int byLength = Integer.compare(endX - sigX, endY - sigY);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < endX - sigX; k++) {
            if (x[sigX + k] != y[sigY + k]) {
                return Integer.compare(x[sigX + k], y[sigY + k]);
            }
        }
        return 0;
    }

    private static int skipZeros(byte[] bytes, int start, int end) {
        while (start < end && bytes[start] == '0') {
            start++;
        }
        return start;
    }

    private static int digitsEnd(byte[] bytes, int start) {
        while (start < bytes.length && isDigit(bytes[start])) {
            start++;
        }
        return start;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
