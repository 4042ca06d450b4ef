package dev.evalboard.query.service;

import dev.evalboard.query.repository.Benchmark;
import dev.evalboard.query.repository.ModelRow;
import dev.evalboard.query.repository.ScoreRepository.Score;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One model's current results on a requested set of benchmarks, in the order they were requested. */
record ModelScores(ModelRow model, List<Benchmark> benchmarks, Map<Integer, Score> byBenchmark) {

    /** Groups scores by model, models sorted by name so that ties come out in a stable order. */
    static List<ModelScores> group(List<Benchmark> benchmarks, List<Score> scores) {
        Map<Long, ModelScores> byModel = new LinkedHashMap<>();
        for (Score score : scores) {
            byModel.computeIfAbsent(score.model().id(),
                    id -> new ModelScores(score.model(), benchmarks, new LinkedHashMap<>()))
                    .byBenchmark().put(score.benchmarkId(), score);
        }
        return byModel.values().stream().sorted(Comparator.comparing(s -> s.model().name())).toList();
    }

    boolean complete() {
        return byBenchmark.size() == benchmarks.size();
    }

    /**
     * The mean over the benchmarks, summed in request order so equal score sets give bit-equal means. Never
     * infinite: scores stored before the contract bounded them may overflow a sum, so then each is divided by
     * twice the count first (no partial sum can overflow) and the mean, within rounding of the largest double, is
     * kept finite.
     */
    double mean() {
        double sum = 0;
        for (Benchmark benchmark : benchmarks) {
            sum += byBenchmark.get(benchmark.id()).score();
        }
        if (Double.isFinite(sum)) {
            return sum / benchmarks.size();
        }
        double halfMean = 0;
        for (Benchmark benchmark : benchmarks) {
            halfMean += byBenchmark.get(benchmark.id()).score() / (2.0 * benchmarks.size());
        }
        double mean = halfMean * 2;
        return Double.isFinite(mean) ? mean : Math.copySign(Double.MAX_VALUE, mean);
    }

    /**
     * The standard error of {@link #mean()}, taking the benchmarks' results as independent: sqrt(Σ se²) / n, which is
     * the result's own standard error for one benchmark. Null when any result has none.
     */
    Double meanStderr() {
        double sumOfSquares = 0;
        for (Benchmark benchmark : benchmarks) {
            Double se = byBenchmark.get(benchmark.id()).stderr();
            if (se == null) {
                return null;
            }
            sumOfSquares += se * se;
        }
        return Math.sqrt(sumOfSquares) / benchmarks.size();
    }

    /** The summed cost of the runs, or null when any run has no cost or the sum overflows (no usable value). */
    Double totalCost() {
        double sum = 0;
        for (Score score : byBenchmark.values()) {
            if (score.costUsd() == null) {
                return null;
            }
            sum += score.costUsd();
        }
        return Double.isFinite(sum) ? sum : null;
    }
}
