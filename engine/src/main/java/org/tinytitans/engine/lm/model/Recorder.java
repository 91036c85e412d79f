package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;

/**
 * Watches a forward pass, for the criteria that need calibration data. Arrays are only valid during the
 * call: copy what you keep (e.g. to Java arrays).
 */
public interface Recorder {

    /** The input {@code x} (B, T, in) of linear {@code linear} ("q" for q/k/v, "o", "up" for gate/up, "down") in layer {@code layer}. */
    default void linearInput(int layer, String linear, NDArray x) {}

    /** The residual stream before and after decoder layer {@code layer}, both (B, T, hidden). */
    default void layer(int layer, NDArray in, NDArray out) {}
}
