package dev.evalboard.chart.client;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * An answer of query-service with the offset of the last change-feed record it reflects ({@code
 * Evalboard-Changes-Seen}; -1 when query-service did not say).
 */
public record Answer<T>(T body, long changesSeen) {
    static final String CHANGES_SEEN = "Evalboard-Changes-Seen";

    static <T> Answer<T> of(RestResponse<T> response) {
        String seen = response.getHeaderString(CHANGES_SEEN);
        long offset;
        try {
            offset = seen == null ? -1 : Long.parseLong(seen.trim());
        } catch (NumberFormatException e) {
            offset = -1;
        }
        return new Answer<>(response.getEntity(), offset);
    }
}
