package org.tinytitans.engine.vit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Supplier;
import org.tinytitans.engine.runtime.TorchRuntime;
import org.tinytitans.engine.train.NoGrad;

/**
 * Arrays copied into PyTorch-owned memory (DJL's {@code create} wraps a Java buffer without copying, and a
 * native tensor outliving that buffer was seen to read freed memory; engine/lm's {@code Owned} does the same),
 * and inference with autograd off once the engine is loaded.
 */
final class Nd {
    private Nd() {}

    static NDArray floats(NDManager m, float[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }

    static NDArray longs(NDManager m, long[] v, Shape shape) {
        try (NDArray wrapped = m.create(v, shape)) {
            return wrapped.duplicate();
        }
    }

    static <T> T inference(Supplier<T> action) {
        TorchRuntime.engine();
        return NoGrad.call(action);
    }
}
