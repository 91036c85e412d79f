package org.tinytitans.engine.latency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.runtime.Devices;

/**
 * Times several models INTERLEAVED on the same input: each round runs every model once (dense, pruned, dense,
 * pruned ...), so noise from neighbours on a shared machine hits all models alike. The starting model rotates
 * each round to cancel order effects. Every round has its own NDManager, created before the clock starts, so
 * intermediates are freed each round (an outer manager would collect them all: an OOM in minutes).
 */
public final class LatencyHarness {
    /** The runtime name of the engine's own passes (DJL with PyTorch). */
    public static final String ENGINE = "engine";

    /** One model under any runtime: a forward pass on a fresh copy of the input, timed from call to result. */
    public interface Timed {
        double timeOnce(float[] input, long[] shape);
    }

    private LatencyHarness() { }

    /** @param models names to initialised Blocks (inference mode), in report order */
    public static LatencyReport run(Map<String, Block> models, LatencyConfig config, Progress progress) {
        // One input array for every pass: each pass lends it to a fresh manager (tempAttach), so the pass's
        // intermediates are freed with that manager and the input returns to this one, never copied again.
        try (NDManager inputs = Devices.manager()) {
            NDArray x = inputs.create(input(config), new Shape(config.inputShape()));
            Map<String, Timed> timed = new LinkedHashMap<>();
            models.forEach((name, block) -> timed.put(name, (input, shape) -> timeOnce(block, x)));
            return run(timed, ENGINE, config, progress);
        }
    }

    /**
     * Times models of another runtime with the same rounds, rotation and statistics.
     *
     * @param runtime what ran them, as results name it ("engine", "onnxruntime")
     */
    public static LatencyReport run(Map<String, Timed> models, String runtime, LatencyConfig config, Progress progress) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to time");
        }
        List<String> names = new ArrayList<>(models.keySet());
        float[] input = input(config);
        long[] shape = config.inputShape();
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String n : names) {
            times.put(n, new double[config.runs()]);
        }
        int rounds = config.warmup() + config.runs();
        double loadBefore = LoadAverage.now();
        NoGrad.run(() -> {
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((round + k) % names.size());
                    double ms = models.get(name).timeOnce(input, shape);
                    if (round >= config.warmup()) {
                        times.get(name)[round - config.warmup()] = ms;
                    }
                }
                progress.update(round < config.warmup() ? "latency warm-up" : "latency",
                        round < config.warmup() ? round + 1 : round + 1 - config.warmup(),
                        round < config.warmup() ? config.warmup() : config.runs(), null);
            }
        });
        List<LatencyStats> stats = new ArrayList<>();
        for (String n : names) {
            stats.add(LatencyStats.of(n, times.get(n), config.batch()));
        }
        return new LatencyReport(config, stats, ThreadSettings.current(), runtime, LoadAverage.since(loadBefore));
    }

    /**
     * The intra-op thread count to time with on a machine whose other processes keep the cores busy: PyTorch's
     * OpenMP threads meet at a barrier after every op, so when the scheduler cannot run them all at once each op
     * waits for the slowest, and a pass with 2 threads on 2 loaded cores took 10x longer than with 1 (measured:
     * ResNet-56 batch 1 at load 19, p50 1175 ms with 2 threads against 99 ms with 1). Times a few rounds both
     * ways, interleaved, and returns 1 when one thread is clearly faster (by a fifth), else the current count.
     * The current count is left in force.
     */
    public static int fasterThreads(Map<String, Block> models, LatencyConfig config) {
        int current = JniUtils.getNumThreads();
        if (current <= 1) {
            return current;
        }
        float[] input = input(config);
        Shape shape = new Shape(config.inputShape());
        int rounds = 3;
        double[] many = new double[rounds];
        double[] one = new double[rounds];
        try {
            NoGrad.run(() -> {
                for (int round = -1; round < rounds; round++) {
                    for (int threads : new int[] {current, 1}) {
                        JniUtils.setNumThreads(threads);
                        double total = 0;
                        for (Block b : models.values()) {
                            total += timeOnce(b, input, shape);
                        }
                        if (round >= 0) {
                            (threads == 1 ? one : many)[round] = total;
                        }
                    }
                }
            });
        } finally {
            JniUtils.setNumThreads(current);
        }
        java.util.Arrays.sort(many);
        java.util.Arrays.sort(one);
        return one[rounds / 2] < 0.8 * many[rounds / 2] ? 1 : current;
    }

    private static double timeOnce(Block block, float[] input, Shape shape) {
        try (NDManager m = Devices.manager()) {
            return timeOnce(block, m.create(input, shape));
        }
    }

    /**
     * One timed pass on {@code x}, which is lent to the pass's own manager and comes back to its owner after; for
     * {@link Timed} models that each need their own input shape.
     */
    public static double timeOnce(Block block, NDArray x) {
        try (NDManager m = x.getManager().newSubManager()) {
            x.tempAttach(m);
            ParameterStore ps = new ParameterStore(m, false);
            long start = System.nanoTime();
            // PyTorch CPU ops run synchronously, so the forward call's return is the end of the work; CUDA
            // kernels are queued, so on a GPU one element is read back, which waits for the device.
            NDList out = block.forward(ps, new NDList(x), false);
            if (x.getDevice().isGpu()) {
                out.head().flatten().get(0).toFloatArray();
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static float[] input(LatencyConfig config) {
        long n = 1;
        for (long d : config.inputShape()) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input shape too large: " + java.util.Arrays.toString(config.inputShape()));
        }
        Random r = new Random(config.seed());
        float[] x = new float[(int) n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
