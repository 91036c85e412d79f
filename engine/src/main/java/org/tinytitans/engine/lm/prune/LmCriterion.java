package org.tinytitans.engine.lm.prune;

/**
 * How a language-model pruner scores what it removes. Which of these a granularity offers, and under which
 * criterion name, is stated once, in the method registry (org.tinytitans.engine.methods); the pruners only
 * switch over this enum.
 */
public enum LmCriterion {
    /** Uniform random scores (seed + layer index per layer for neurons and heads, as the tutorial). */
    RANDOM(false),
    /** Weight size: |w| for weights, mean |w| for layers, L2 norm of a neuron's or head's weights. */
    MAGNITUDE(false),
    /** ShortGPT: 1 - mean cosine between a layer's input and output hidden states. */
    BLOCK_INFLUENCE(true),
    /** |w| times the norm of the input it multiplies (Wanda). */
    WANDA(true),
    /** |w * dL/dw| (first-order Taylor). */
    TAYLOR(true),
    /** OBS reconstruction with the calibration Hessian (SparseGPT). */
    SPARSEGPT(true);

    private final boolean needsData;

    LmCriterion(boolean needsData) {
        this.needsData = needsData;
    }

    /** True when the pruner reads calibration text. */
    public boolean needsData() {
        return needsData;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
