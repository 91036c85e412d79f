package org.tinytitans.engine.lm.prune;

import java.util.List;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.Pattern;

/**
 * The facade the job runner calls for a {@code prune} block on a language model. Granularities: layers,
 * neurons, heads (physical: smaller tensors and an updated config) and weights (zeroed, unstructured or N:M).
 * Lower score means less important, removed first.
 */
public final class LmPruning {
    private LmPruning() {}

    /**
     * One pruning step.
     *
     * @param granularity layers, neurons, heads or weights
     * @param criterion   how to score; which criterion each granularity offers is the method registry's
     *                    (org.tinytitans.engine.methods) to say
     * @param ratio       fraction to remove (layers: {@code int(ratio * layers)}, neurons: per layer
     *                    {@code int(ratio * intermediate)}, heads: per key/value group, weights: per matrix or row)
     * @param count       layers only: how many to remove, overriding the ratio when positive
     * @param pattern     weights only: N:M (keep N of every M), or null
     * @param calibration token windows for the data-driven criteria; null when there is no dataset
     * @param seed        random criteria; neurons and heads use seed + layer index per layer (the tutorial: 42 + idx)
     * @return a new model; the input model is left unchanged
     */
    public static LanguageModel apply(LanguageModel model, Granularity granularity, LmCriterion criterion, double ratio, int count,
                                      Pattern pattern, Calibration calibration, long seed) {
        LmCriterion crit = criterion;
        if (pattern != null && granularity != Granularity.WEIGHTS) {
            throw new IllegalArgumentException("pattern applies to weights only, not " + granularity);
        }
        return switch (granularity) {
            case LAYERS -> {
                int n = model.config().layers();
                int remove = count > 0 ? count : (int) (ratio * n);
                if (remove >= n) {
                    throw new IllegalArgumentException("removing " + remove + " of " + n + " layers leaves none");
                }
                double[] scores = LayerPruner.scores(model, crit, calibration, seed);
                yield LayerPruner.keep(model, Ranking.keepHighest(scores, n - remove));
            }
            case NEURONS -> NeuronPruner.prune(model, crit, checkRatio(ratio), calibration, seed);
            case HEADS -> HeadPruner.prune(model, crit, checkRatio(ratio), calibration, seed);
            case WEIGHTS -> pattern == null ? WeightSparsifier.prune(model, crit, ratio, 0, 0, calibration, seed)
                    : WeightSparsifier.prune(model, crit, ratio, pattern.keep(), pattern.group(), calibration, seed);
            case FILTERS, TOKENS -> throw new IllegalArgumentException("granularity '" + granularity
                    + "' does not apply to a language model; use layers, neurons, heads or weights");
        };
    }

    /** Per-layer block-influence scores (1 - mean cosine), for reports; lowest is removed first. */
    public static double[] blockInfluence(LanguageModel model, Calibration calibration) {
        return LayerPruner.scores(model, LmCriterion.BLOCK_INFLUENCE, calibration, 0);
    }

    private static double checkRatio(double ratio) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("ratio " + ratio + " must be between 0 and 1 (exclusive)");
        }
        return ratio;
    }

    static Calibration need(Calibration c, LmCriterion criterion) {
        if (c == null) {
            throw new IllegalArgumentException("criterion " + criterion.label() + " needs calibration text (a dataset)");
        }
        return c;
    }

    /** The decoder linears of a layout. */
    static List<String> matrices(LmConfig c) {
        return c.layout() == Layout.LLAMA ? List.of("q", "k", "v", "o", "gate", "up", "down") : List.of("q", "k", "v", "o", "up", "down");
    }
}
