package org.tinytitans.engine.criteria;

import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * Similarity criterion (Pons et al., ICPR 2024; tutorial's CKA): silence a filter (kernel and bias only: BN is
 * kept, so the channel becomes the constant beta - gamma*mean/sqrt(var+eps)) or a block's residual branch, and
 * score = 1 - linear CKA between intact and silenced penultimate features. 0 = removal changes nothing.
 */
record CkaScore(Level level) implements Criterion {

    @Override public String name() { return "cka"; }
    @Override public boolean needsData() { return true; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        return Perturbation.score(level, name(), model, samples, false, ScoringModel.Head.FEATURES,
                (intact, silenced, n, k) -> 1 - LinearCka.cka(intact, silenced, n, k, k), progress);
    }
}
