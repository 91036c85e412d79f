package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * What a pruning criterion may ask of a network, so criteria stay independent of how networks are built.
 * Units are the prunable structures of one granularity: for filters, the prunable convolutions (each with
 * its filters); for layers, the removable residual blocks. Every returned NDArray belongs to {@code m}.
 */
public interface ScoringModel {

    /** A prunable structure: for filters a conv layer with {@code width} filters; for layers a block (width 1). */
    record Unit(String name, int width) {}

    List<Unit> filterUnits();

    List<Unit> blockUnits();

    /** Conv kernel of a filter unit in OIHW layout (O = filters). */
    NDArray filterWeights(NDManager m, int unit);

    /** Weights of a block unit's convolutions, OIHW each (the tutorial's layer-L1 averages their filter L1). */
    List<NDArray> blockWeights(NDManager m, int unit);

    /** Post-activation feature maps (N,C,H,W) of a filter unit (the ReLU after its BN) for an NCHW input batch. */
    NDArray filterActivations(NDManager m, int unit, NDArray input);

    /** Output (N,C,H,W) of a block unit after its final ReLU. */
    NDArray blockActivations(NDManager m, int unit, NDArray input);

    /** Logits (N,classes) of the network. */
    NDArray logits(NDManager m, NDArray input);

    /** Penultimate features (N,F) (the tutorial's Flatten output) for CKA. */
    NDArray features(NDManager m, NDArray input);

    /** Which output the perturbation criteria compare: logits (KL divergence) or penultimate features (CKA). */
    enum Head { LOGITS, FEATURES }

    default NDArray head(NDManager m, Head head, NDArray input) {
        return head == Head.LOGITS ? logits(m, input) : features(m, input);
    }

    /**
     * The head's output for one input batch of N samples with each filter of a unit silenced in turn, exactly
     * as {@link #withFiltersZeroed} silences it: element f is filter f's N x K output, row-major. This default
     * runs one pass per filter; a model may run several silenced variants per pass, with the same results.
     */
    default float[][] silencedOutputs(NDManager m, int unit, boolean zeroBatchNorm, Head head, NDArray input) {
        float[][] out = new float[filterUnits().get(unit).width()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = withFiltersZeroed(unit, new int[] {f}, zeroBatchNorm, () -> {
                try (NDManager sub = m.newSubManager()) {
                    return head(sub, head, input).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                }
            });
        }
        return out;
    }

    /**
     * Runs {@code action} with the given filters of a unit silenced as the tutorial does
     * (kernel and bias zeroed; and when {@code zeroBatchNorm} also its BN gamma, beta, mean and variance),
     * restoring the weights afterwards even when the action throws.
     */
    <T> T withFiltersZeroed(int unit, int[] filters, boolean zeroBatchNorm, java.util.function.Supplier<T> action);

    /** Runs {@code action} with a block's residual branch silenced (the block becomes its shortcut), then restores it. */
    <T> T withBlockZeroed(int unit, java.util.function.Supplier<T> action);

    /**
     * Gradient of the cross-entropy loss with respect to each filter unit's post-activation output, summed
     * over the batch as first-order Taylor needs: returns, per unit, a float[width] of |sum(a * dL/da)|.
     */
    List<float[]> taylorScores(NDManager m, NDArray input, int[] labels);
}
