package dev.evalboard.query.repository;

/** A model's attributes as merged by ingest-service. */
public record ModelRow(long id, String name, Long parameters, Long activeParameters, String openness,
        String organization) {
}
