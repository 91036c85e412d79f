package org.tinytitans.engine.graph;

/** The layer kinds an architecture graph can hold. */
public enum Kind {
    INPUT, CONV, BATCH_NORM, RELU, RELU6, ADD, MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, FLATTEN, DENSE, SOFTMAX,
    /** He et al. option-A shortcut: subsample by the stride and zero-pad the channels (no parameters). */
    PAD_SHORTCUT;

    public boolean hasWeights() {
        return this == CONV || this == BATCH_NORM || this == DENSE;
    }
}
