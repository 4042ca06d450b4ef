package dev.evalboard.query.service;

import dev.evalboard.query.repository.ModelRepository.Run;
import java.util.List;

/** A model and its current result on every benchmark and metric. */
public record ModelDetail(String name, Long parameters, Long activeParameters, String openness,
        String organization, List<Run> results) {
}
