package org.tinytitans.engine.latency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.train.NoGrad;

/**
 * The machine's dense fp32 roofline as the engine sees it: an n x n by n x n {@code matMul} through DJL on the
 * run's device, best of several runs (a roofline is an upper bound, so the best run counts). Achieved GMAC/s of
 * a model over this figure says how much of the machine a forward pass uses; convolutions go through oneDNN,
 * which can beat a plain GEMM, so a share above 100% is possible.
 */
public final class Roofline {

    /** The size results use: about 15 ms a run on a laptop core, so a job pays well under a second. */
    public static final int RESULT_SIZE = 1024;

    private Roofline() {}

    /** Best GMAC/s of {@code runs} timed n^3 matmuls after two untimed ones. */
    public static double gmacs(int n, int runs) {
        double[] best = {Double.MAX_VALUE};
        NoGrad.run(() -> {
            try (NDManager m = Devices.manager()) {
                NDArray a = m.randomNormal(new Shape(n, n));
                NDArray b = m.randomNormal(new Shape(n, n));
                for (int i = -2; i < runs; i++) {
                    try (NDManager s = m.newSubManager()) {
                        long t = System.nanoTime();
                        NDArray c = a.matMul(b);
                        if (c.getDevice().isGpu()) {
                            c.get(0, 0).toFloatArray();   // CUDA queues the kernel: reading one value waits for it
                        }
                        double ms = (System.nanoTime() - t) / 1e6;
                        c.attach(s);
                        if (i >= 0) {
                            best[0] = Math.min(best[0], ms);
                        }
                    }
                }
            }
        });
        return achieved((double) n * n * n, best[0]);
    }

    /** GMAC/s of {@code macs} multiply-accumulates done in {@code ms} milliseconds. */
    public static double achieved(double macs, double ms) {
        return macs / (ms / 1e3) / 1e9;
    }
}
