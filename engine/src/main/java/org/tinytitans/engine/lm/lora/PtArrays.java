package org.tinytitans.engine.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.tinytitans.engine.weights.Tensor;

/**
 * Arrays copied into PyTorch-owned memory at once (DJL's create may wrap a Java buffer that the GC frees
 * under a live tensor; see the lm package's Owned), and scalars kept alive for autograd.
 */
final class PtArrays {
    private PtArrays() {}

    static NDArray of(NDManager m, Tensor t) {
        return floats(m, t.values(), new Shape(t.shape()));
    }

    static NDArray floats(NDManager m, float[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }

    /** A scalar in {@code m}: mul(Number) would free its temporary operand before the backward pass reads it. */
    static NDArray scalar(NDManager m, float v) {
        return floats(m, new float[] {v}, new Shape());
    }

    static Tensor tensor(NDArray a) {
        return new Tensor(a.getShape().getShape(), a.toFloatArray());
    }
}
