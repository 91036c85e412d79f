package org.tinytitans.engine.train;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs inference or in-place weight updates with PyTorch's autograd off. Grad mode is thread-local in
 * PyTorch and DJL turns it off only on the thread that loaded the engine, so jobs on other threads
 * (server, CLI workers) would otherwise record graphs, or fail on in-place updates of weights.
 */
public final class NoGrad {
    private NoGrad() { }

    public static <T> T call(Supplier<T> action) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return action.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
