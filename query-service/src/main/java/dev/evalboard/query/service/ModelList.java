package dev.evalboard.query.service;

import java.util.List;

/** One page of models by name; {@code total} counts every model that passes the filters. */
public record ModelList(long total, int limit, long offset, List<Entry> models) {

    /** {@code resultCount}: benchmark+metric pairs the model has a current result on. */
    public record Entry(String name, Long parameters, Long activeParameters, String openness, String organization,
            long resultCount) {
    }
}
