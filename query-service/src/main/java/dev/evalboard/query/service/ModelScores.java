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

    /** The number of requested benchmarks the model has a result on. */
    int coverage() {
        return byBenchmark.size();
    }

    /** The mean of the model's scores over the requested benchmarks it has. */
    double mean() {
        return meanOf((benchmark, score) -> score.score());
    }

    /**
     * The mean of a value of each result the model has, summed in request order so equal score sets give bit-equal
     * means. Never infinite: scores stored before the contract bounded them may overflow a sum, so then each is
     * divided by twice the count first (no partial sum can overflow) and the mean, within rounding of the largest
     * double, is kept finite.
     */
    double meanOf(ResultValue value) {
        int count = coverage();
        double sum = 0;
        for (Benchmark benchmark : present()) {
            sum += value.of(benchmark, byBenchmark.get(benchmark.id()));
        }
        if (Double.isFinite(sum)) {
            return sum / count;
        }
        double halfMean = 0;
        for (Benchmark benchmark : present()) {
            halfMean += value.of(benchmark, byBenchmark.get(benchmark.id())) / (2.0 * count);
        }
        double mean = halfMean * 2;
        return Double.isFinite(mean) ? mean : Math.copySign(Double.MAX_VALUE, mean);
    }

    /**
     * The standard error of {@link #mean()}, taking the benchmarks' results as independent: sqrt(Σ se²) / n, which is
     * the result's own standard error for one benchmark. Null when any result has none.
     */
    Double meanStderr() {
        return stderrOf((benchmark, score) -> score.stderr());
    }

    /** The standard error of {@link #meanOf} with each result's standard error as {@code stderr} gives it. */
    Double stderrOf(ResultStderr stderr) {
        double sumOfSquares = 0;
        for (Benchmark benchmark : present()) {
            Double se = stderr.of(benchmark, byBenchmark.get(benchmark.id()));
            if (se == null) {
                return null;
            }
            sumOfSquares += se * se;
        }
        return Math.sqrt(sumOfSquares) / coverage();
    }

    /** The requested benchmarks the model has a result on, in request order. */
    private List<Benchmark> present() {
        return benchmarks.stream().filter(b -> byBenchmark.containsKey(b.id())).toList();
    }

    /** A number read from one of the model's results. */
    @FunctionalInterface
    interface ResultValue {
        double of(Benchmark benchmark, Score score);
    }

    /** A standard error read from one of the model's results; null when there is none. */
    @FunctionalInterface
    interface ResultStderr {
        Double of(Benchmark benchmark, Score score);
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
