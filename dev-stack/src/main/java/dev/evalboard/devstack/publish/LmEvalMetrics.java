package dev.evalboard.devstack.publish;

import dev.evalboard.contract.ScoreUnit;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an lm-evaluation-harness metric is, by its name (and for SQuAD v2 its task): the unit its scores are published
 * in and which direction is better. Never decided from a value, so every run of one benchmark and metric gets the
 * same unit whatever its score happens to be.
 */
final class LmEvalMetrics {
    /** How the harness reports a metric, and so how it is published. */
    enum Scale {
        /** A mean of 0/1 outcomes or a 0..1 ratio: published ×100 as a percent. */
        FRACTION(ScoreUnit.PERCENT, 100),
        /** Already on a 0..100 scale (the SQuAD v2 metric): published as it is, as a percent. */
        PERCENT(ScoreUnit.PERCENT, 1),
        /** Anything else (perplexities, correlations, BLEU/ROUGE/chrF scales, unknown metrics): as it is. */
        RAW(ScoreUnit.RAW, 1);

        final ScoreUnit unit;
        final double factor;

        Scale(ScoreUnit unit, double factor) {
            this.unit = unit;
            this.factor = factor;
        }
    }

    private static final Set<String> FRACTIONS = Set.of("acc", "acc_all", "exact_match", "em", "f1", "macro_f1",
            "micro_f1", "mc1", "mc2", "contains", "pct_stereotype");
    // acc_norm, acc_mutual_info, acc_bytes; IFEval's prompt_level_strict_acc; TruthfulQA-gen's bleu_acc, rouge1_acc;
    // pass@k; MuTual's recall r@1, r@2
    private static final Pattern FRACTION_NAMES = Pattern.compile("acc_[a-z0-9_]+|[a-z0-9_]+_acc|pass@\\d+|r@\\d+");
    private static final Set<String> SQUAD_V2_TASKS = Set.of("squadv2", "squad2");
    private static final Set<String> SQUAD_V2_PERCENTS = Set.of("exact", "f1", "hasans_exact", "hasans_f1",
            "noans_exact", "noans_f1", "best_exact", "best_f1");
    private static final Set<String> LOWER_IS_BETTER = Set.of("perplexity", "ppl", "word_perplexity",
            "byte_perplexity", "bits_per_byte", "brier_score", "likelihood_difference", "likelihood_diff",
            "pct_stereotype", "ter");
    private static final Pattern HIGHER_IS_BETTER_RAW = Pattern.compile(
            "mcc|bleu|chrf|bleu_(max|diff)|rouge(1|2|l|lsum)?(_(max|diff))?");

    private LmEvalMetrics() {
    }

    /** {@code metric} is the harness's metric name, lower-cased, without its filter. */
    static Scale scale(String task, String metric) {
        if (SQUAD_V2_TASKS.contains(task) && SQUAD_V2_PERCENTS.contains(metric)) {
            return Scale.PERCENT;
        }
        if (FRACTIONS.contains(metric) || FRACTION_NAMES.matcher(metric).matches()) {
            return Scale.FRACTION;
        }
        return Scale.RAW;
    }

    /**
     * A known metric's direction wins over the file (the harness registers {@code ter} as higher-is-better, and 0.3
     * files state no direction); an unknown metric follows the file, and is higher-is-better when the file is silent.
     */
    static boolean higherIsBetter(String task, String metric, Boolean fileSays) {
        if (LOWER_IS_BETTER.contains(metric)) {
            return false;
        }
        if (scale(task, metric) != Scale.RAW || HIGHER_IS_BETTER_RAW.matcher(metric).matches()) {
            return true;
        }
        return fileSays == null || fileSays;
    }
}
