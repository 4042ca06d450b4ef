package dev.evalboard.query.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.evalboard.query.repository.Flag;
import dev.evalboard.query.repository.ModelRepository.Run;
import java.util.List;

/** A model and its current result on every benchmark and metric; {@code flag} only when it is flagged. */
public record ModelDetail(String name, Long parameters, Long activeParameters, String openness,
        String organization, List<Run> results, @JsonInclude(JsonInclude.Include.NON_NULL) Flag flag) {
}
