package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays whose memory PyTorch owns. DJL's {@code create} wraps a Java direct buffer without copying
 * ({@code from_blob}); we saw training turn to NaN only when the garbage collector ran (never with Epsilon
 * GC), i.e. some native tensor outlived the buffer it pointed into. Copying into PyTorch memory at once and
 * closing the wrapper removes that class of bug.
 */
public final class Owned {
    private Owned() {}

    public static NDArray floats(NDManager m, float[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }

    /** Every tensor as an array owned by {@code m}, by name: a model's weights on its own manager. */
    public static java.util.Map<String, NDArray> all(NDManager m, java.util.Map<String, org.tinytitans.engine.weights.Tensor> tensors) {
        java.util.Map<String, NDArray> out = new java.util.HashMap<>();
        tensors.forEach((name, t) -> out.put(name, floats(m, t.values(), new Shape(t.shape()))));
        return out;
    }

    public static NDArray longs(NDManager m, long[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }
}
