package dev.evalboard.chart.dashboard;

import dev.evalboard.contract.rank.ConfidenceRanks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write numbers and dates: short, and the same everywhere. */
final class Format {
    /** 1.96 standard errors each side: the 95% interval that query-service's ciRank uses too. */
    static final double CI95 = ConfidenceRanks.Z;
    static final String NONE = "—";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** A score or mean with at most two decimals, without trailing zeros: 76.5, 70, 12.34. */
    static String number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return NONE;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The half-width of the 95% confidence interval from a standard error: "± 1.76", or empty without one. */
    static String ci95(Double stderr) {
        return stderr == null || !Double.isFinite(stderr) ? "" : "± " + number(stderr * CI95);
    }

    /** Parameters in the units of leaderboards: 350M, 8B, 1.5T. */
    static String parameters(Long count) {
        if (count == null) {
            return NONE;
        }
        if (count >= 1_000_000_000_000L) {
            return scaled(count, 12) + "T";
        }
        if (count >= 1_000_000_000L) {
            return scaled(count, 9) + "B";
        }
        if (count >= 1_000_000L) {
            return scaled(count, 6) + "M";
        }
        return Long.toString(count);
    }

    private static String scaled(long count, int power) {
        BigDecimal value = new BigDecimal(count).movePointLeft(power);
        int decimals = value.compareTo(BigDecimal.TEN) < 0 ? 1 : 0;
        return value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String cost(Double usd) {
        return usd == null ? NONE : "$" + number(usd);
    }

    static String day(Instant instant) {
        return instant == null ? NONE : DAY.format(instant);
    }

    static String minute(Instant instant) {
        return instant == null ? NONE : MINUTE.format(instant);
    }

    static String openness(String openness) {
        if (openness == null) {
            return NONE;
        }
        return switch (openness) {
            case "open-weights-open-data" -> "open weights + data";
            case "open-weights" -> "open weights";
            default -> openness;
        };
    }

    /** A sort key for a cell: numbers sort as numbers in the browser; absent values sort last. */
    static String key(Number value) {
        return value == null ? "" : value.toString();
    }
}
