package org.tinytitans.engine.lm.model;

import ai.djl.engine.Engine;
import java.util.function.Supplier;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.runtime.TorchRuntime;

/** Runs with autograd off, loading the PyTorch engine first (its JNI calls fail before it is loaded). */
public final class Inference {
    private Inference() {}

    public static <T> T call(Supplier<T> action) {
        TorchRuntime.engine();
        return NoGrad.call(action);
    }
}
