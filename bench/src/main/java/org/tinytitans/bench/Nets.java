package org.tinytitans.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.tinytitans.engine.criteria.Criteria;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.prune.FilterPruning;
import org.tinytitans.engine.train.Progress;

/** The networks the engine benchmarks time, and one timed forward pass done the way LatencyHarness does it. */
public final class Nets {

    private Nets() {}

    /** The tutorial's trained weights when the shared folder is there, else seeded random ones (latency does not care). */
    public static Path tutorialWeights(Path repo, String file) {
        Path p = repo.resolve("../shared/models/tinytitans").resolve(file).normalize();
        return Files.isRegularFile(p) ? p : null;
    }

    public static Network resnet(Path repo, int depth) throws IOException {
        Path w = depth == 56 || depth == 32 || depth == 44 ? tutorialWeights(repo, "ResNet" + depth + "++.h5") : null;
        return Models.load("resnet" + depth, w, 10);
    }

    /** L1 filter pruning of every prunable conv at {@code ratio}, per layer (the tutorial's part 2). */
    public static Network pruneL1(Network dense, double ratio) {
        return pruneL1(dense, ratio, 1);
    }

    /** The same, each pruned layer keeping a multiple of {@code roundTo} filters (`round-to`). */
    public static Network pruneL1(Network dense, double ratio, int roundTo) {
        float[][] scores = Criteria.l1(org.tinytitans.engine.criteria.Level.FILTER).score(dense, null, 1, Progress.NONE);
        return FilterPruning.apply(dense, List.of(scores), ratio, org.tinytitans.engine.prune.Scope.PER_LAYER, List.of(), 0, roundTo);
    }

    /** N(0,1) input values for a shape, the same for every model given the seed. */
    public static float[] input(long[] shape, long seed) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        Random r = new Random(seed);
        float[] x = new float[(int) n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /**
     * One inference forward pass in milliseconds. The input is created in a fresh manager before the clock
     * starts and the manager (with every intermediate) is closed after it stops, as LatencyHarness does.
     */
    public static double forwardMs(Network net, float[] input, long[] shape) {
        return forwardMs(net.block(), input, shape);
    }

    /** The same for any block in inference mode (e.g. an {@code InferenceForm}'s). */
    public static double forwardMs(ai.djl.nn.Block block, float[] input, long[] shape) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(input, new Shape(shape));
            ParameterStore ps = new ParameterStore(m, false);
            long t = System.nanoTime();
            block.forward(ps, new NDList(x), false);
            return (System.nanoTime() - t) / 1e6;
        }
    }

    /** Logits of a batch as plain floats (for cross-checking the peer's numbers). */
    public static float[] logits(Network net, float[] input, long[] shape) {
        try (NDManager m = NDManager.newBaseManager()) {
            return net.forward(m.create(input, new Shape(shape))).toFloatArray();
        }
    }
}
