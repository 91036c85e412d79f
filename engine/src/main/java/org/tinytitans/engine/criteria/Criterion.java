package org.tinytitans.engine.criteria;

import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * Scores the prunable units of a network: for filter criteria one score per filter of every filter unit, for
 * layer criteria one score per block unit ({@code float[1]} each). LOWER score = less important = pruned first.
 */
public interface Criterion {

    /** The registry name, e.g. "l1", "kl-divergence". */
    String name();

    /** Whether {@link #score} needs sample images; criteria that don't accept null samples. */
    boolean needsData();

    /**
     * @param samples images the network expects (e.g. the tutorial's 500-per-class subsample); null when
     *                {@link #needsData()} is false
     * @param seed    for the random criterion; ignored by the others
     * @return scores[unit][filter] for filter criteria, scores[block][0] for layer criteria
     */
    float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress);
}
