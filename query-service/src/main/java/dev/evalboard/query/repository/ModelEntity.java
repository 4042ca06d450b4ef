package dev.evalboard.query.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code model} as ingest-service merged it. Read-only: only the columns this service reads are mapped, so
 * a migration that adds a column does not fail the schema validation.
 */
@Entity(name = "Model")
@Table(name = "model")
@Immutable
public class ModelEntity {
    @Id
    Long id;

    String name;

    Long parameters;

    @Column(name = "active_parameters")
    Long activeParameters;

    String openness;

    String organization;

    ModelRow toRow() {
        return new ModelRow(id, name, parameters, activeParameters, openness, organization);
    }
}
