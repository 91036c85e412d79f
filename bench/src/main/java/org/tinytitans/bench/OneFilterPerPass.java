package org.tinytitans.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Supplier;
import org.tinytitans.engine.criteria.ScoringModel;
import org.tinytitans.engine.model.Network;

/**
 * A network seen only through the ScoringModel interface, so perturbation criteria take the interface's
 * default path (weights zeroed, one forward pass per filter): the "before" of stacked silencing.
 */
record OneFilterPerPass(Network net) implements ScoringModel {
    @Override public List<Unit> filterUnits() { return net.filterUnits(); }
    @Override public List<Unit> blockUnits() { return net.blockUnits(); }
    @Override public NDArray filterWeights(NDManager m, int unit) { return net.filterWeights(m, unit); }
    @Override public List<NDArray> blockWeights(NDManager m, int unit) { return net.blockWeights(m, unit); }
    @Override public NDArray filterActivations(NDManager m, int unit, NDArray input) { return net.filterActivations(m, unit, input); }
    @Override public NDArray blockActivations(NDManager m, int unit, NDArray input) { return net.blockActivations(m, unit, input); }
    @Override public NDArray logits(NDManager m, NDArray input) { return net.logits(m, input); }
    @Override public NDArray features(NDManager m, NDArray input) { return net.features(m, input); }
    @Override public <T> T withFiltersZeroed(int unit, int[] filters, boolean zeroBatchNorm, Supplier<T> action) {
        return net.withFiltersZeroed(unit, filters, zeroBatchNorm, action);
    }
    @Override public <T> T withBlockZeroed(int unit, Supplier<T> action) { return net.withBlockZeroed(unit, action); }
    @Override public List<float[]> taylorScores(NDManager m, NDArray input, int[] labels) { return net.taylorScores(m, input, labels); }
}
