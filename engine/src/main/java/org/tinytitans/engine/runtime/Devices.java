package org.tinytitans.engine.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/**
 * The device the running experiment computes on. Every NDManager the engine makes comes from here, so that
 * `target gpu N` puts the model, the data, fine-tuning, scoring and timing on that GPU, and `target cpu` stays
 * on the CPU even where a CUDA libtorch would make the GPU DJL's default.
 */
public final class Devices {
    private static volatile Device current = Device.cpu();

    private Devices() {}

    public static Device current() {
        return current;
    }

    /** A new base manager on the current device. */
    public static NDManager manager() {
        TorchRuntime.ensureAny();
        return NDManager.newBaseManager(current);
    }

    /** Runs body with device as the current one, restoring the previous one after. */
    public static <T, E extends Exception> T on(Device device, Body<T, E> body) throws E {
        Device before = current;
        current = device;
        try {
            return body.run();
        } finally {
            current = before;
        }
    }

    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }
}
