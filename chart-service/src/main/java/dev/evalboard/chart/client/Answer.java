package dev.evalboard.chart.client;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * An answer of query-service with the offset of the last change-feed record it reflects ({@code
 * Evalboard-Changes-Seen}; -1 when query-service did not say), and the offset it must reflect to be
 * as new as the changes heard of when it was asked for ({@code requiredChanges}, -1 for none).
 */
public record Answer<T>(T body, long changesSeen, long requiredChanges) {
    static final String CHANGES_SEEN = "Evalboard-Changes-Seen";

    static <T> Answer<T> of(RestResponse<T> response) {
        String seen = response.getHeaderString(CHANGES_SEEN);
        long offset;
        try {
            offset = seen == null ? -1 : Long.parseLong(seen.trim());
        } catch (NumberFormatException e) {
            offset = -1;
        }
        return new Answer<>(response.getEntity(), offset, -1);
    }

    public Answer<T> requiring(long changes) {
        return new Answer<>(body, changesSeen, changes);
    }
}
