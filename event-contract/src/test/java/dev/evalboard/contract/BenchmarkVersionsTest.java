package dev.evalboard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenchmarkVersionsTest {

    @Test
    void numbersCompareByValueAndNoVersionIsOldest() {
        List<String> sorted = new ArrayList<>(Arrays.asList("v10", "1.10", null, "1.9", "v2", "1.0", "1", "01",
                "1.0a", "1.0-rc1", "1.01"));
        sorted.sort(BenchmarkVersions.NATURAL_ORDER);
        assertEquals(Arrays.asList(null, "1", "01", "1.0", "1.0-rc1", "1.0a", "1.01", "1.9", "1.10", "v2", "v10"), sorted);
    }

    @Test
    void theNewestIsTheLargestAndNoVersionOnlyWhenAlone() {
        assertEquals("2", BenchmarkVersions.newest(Arrays.asList(null, "1", "2", "1.5")));
        assertNull(BenchmarkVersions.newest(Arrays.asList((String) null)));
    }

    @Test
    void comparesHugeNumbersWithoutOverflow() {
        assertTrue(BenchmarkVersions.NATURAL_ORDER.compare("99999999999999999999", "100000000000000000000") < 0);
    }

    @Test
    void acceptsWhatAnEventsVersionBecomes() {
        assertTrue(BenchmarkVersions.isVersion("2024-06 v1.0"));
        assertFalse(BenchmarkVersions.isVersion(""));
        assertFalse(BenchmarkVersions.isVersion(" 1"));
        assertFalse(BenchmarkVersions.isVersion("1\u202e"));
        assertFalse(BenchmarkVersions.isVersion("1\n"));
        assertFalse(BenchmarkVersions.isVersion("x".repeat(65)));
        assertTrue(BenchmarkVersions.isVersion("x".repeat(64)));
    }

    @Test
    void agreesWithABruteForceOrderOnRandomVersionsWithTies() {
        Random random = new Random(1313L);
        String[] pieces = { "0", "1", "2", "9", "10", "01", "007", ".", "-", "!", "a", "b", "rc", "é", "~" };
        for (int round = 0; round < 300; round++) {
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                if (random.nextInt(10) == 0) {
                    versions.add(null);
                } else if (!versions.isEmpty() && random.nextInt(4) == 0) {
                    versions.add(versions.get(random.nextInt(versions.size())));
                } else {
                    StringBuilder v = new StringBuilder();
                    for (int n = random.nextInt(5); n >= 0; n--) {
                        v.append(pieces[random.nextInt(pieces.length)]);
                    }
                    versions.add(v.toString());
                }
            }
            for (String a : versions) {
                for (String b : versions) {
                    assertEquals(Integer.signum(bruteForce(a, b)),
                            Integer.signum(BenchmarkVersions.NATURAL_ORDER.compare(a, b)), a + " vs " + b);
                }
            }
            String newest = null;
            for (String v : versions) {
                newest = bruteForce(v, newest) > 0 ? v : newest;
            }
            assertEquals(newest, BenchmarkVersions.newest(versions));
        }
    }

    /** Splits into tokens (a run of digits as a number, any other byte alone) and compares the token lists. */
    private static int bruteForce(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        List<Object[]> x = tokens(a);
        List<Object[]> y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object[] s = x.get(i);
            Object[] t = y.get(i);
            int order = s.length == 2 && t.length == 2 ? ((BigInteger) s[0]).compareTo((BigInteger) t[0])
                    : Integer.compare(leadByte(s), leadByte(t));
            if (order != 0) {
                return order;
            }
        }
        if (x.size() != y.size()) {
            return Integer.compare(x.size(), y.size());
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).length == 2 && !x.get(i)[1].equals(y.get(i)[1])) {
                return Integer.compare((Integer) x.get(i)[1], (Integer) y.get(i)[1]);
            }
        }
        return 0;
    }

    /** A number token is {value, digit count}; any other byte is a token {byte}. */
    private static List<Object[]> tokens(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Object[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int j = i;
            while (j < bytes.length && bytes[j] >= '0' && bytes[j] <= '9') {
                j++;
            }
            if (j > i) {
                String digits = new String(bytes, i, j - i, StandardCharsets.US_ASCII);
                tokens.add(new Object[] { new BigInteger(digits), j - i });
                i = j;
            } else {
                tokens.add(new Object[] { bytes[i] & 0xff });
                i++;
            }
        }
        return tokens;
    }

    private static int leadByte(Object[] token) {
        // Only a digit starts a number, and no other byte is a digit: any digit orders the same against it.
        return token.length == 1 ? (Integer) token[0] : '0';
    }
}
