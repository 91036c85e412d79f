package org.tinytitans.engine.methods;

import org.tinytitans.engine.prune.WeightPruning;
import org.tinytitans.language.catalog.MethodInfo;

/** Single conv and dense weights of a vision model, zeroed by a rule that reads the weights only. */
public record VisionWeights(MethodInfo info, WeightPruning.Rule rule) implements PruningMethod {

    @Override
    public boolean needsData() {
        return false;
    }
}
