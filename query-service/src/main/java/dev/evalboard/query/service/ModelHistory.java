package dev.evalboard.query.service;

import dev.evalboard.query.repository.ModelRepository.Run;
import java.util.List;

/** Accepted runs of a model, newest first (by evaluatedAt, then eventId). */
public record ModelHistory(String model, String benchmark, String metric, int limit, long offset, List<Run> runs) {
}
