package dev.evalboard.contract;

import java.time.Duration;

/**
 * The bounds of {@link ResultEventParser} that an operator may tune. {@link #DEFAULT} holds the contract's values;
 * ingest-service and {@code ./evalboard publish} use them unless configured otherwise.
 *
 * @param maxFutureSkew how far past the parsing machine's clock {@code evaluatedAt} may lie: a result dated in the
 *                      future would stay the current one until that date, so only clock skew is tolerated
 * @param maxMagnitude  the largest |score|, stderr and costUsd: a raw score of 1e308 overflows every mean and
 *                      every axis that includes it
 */
public record ParserSettings(Duration maxFutureSkew, double maxMagnitude) {

    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);
    public static final double DEFAULT_MAX_MAGNITUDE = 1e12;
    public static final ParserSettings DEFAULT = new ParserSettings(DEFAULT_MAX_FUTURE_SKEW, DEFAULT_MAX_MAGNITUDE);

    public ParserSettings {
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("the future skew must be zero or more, got " + maxFutureSkew);
        }
        if (!(maxMagnitude >= 100 && Double.isFinite(maxMagnitude))) {
            throw new IllegalArgumentException("the magnitude bound must be finite and at least 100 (a percentage),"
                    + " got " + maxMagnitude);
        }
    }
}
