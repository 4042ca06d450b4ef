package dev.evalboard.query.repository;

/** A model's attributes as merged by ingest-service, and its flag when it is flagged. */
public record ModelRow(long id, String name, Long parameters, Long activeParameters, String openness,
        String organization, Flag flag) {

    /** A model read without its flag. */
    public ModelRow(long id, String name, Long parameters, Long activeParameters, String openness,
            String organization) {
        this(id, name, parameters, activeParameters, openness, organization, null);
    }
}
