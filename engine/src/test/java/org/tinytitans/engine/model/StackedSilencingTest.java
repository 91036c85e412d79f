package org.tinytitans.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.criteria.Criteria;
import org.tinytitans.engine.criteria.ScoringModel;
import org.tinytitans.engine.data.Datasets;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.data.Subsample;
import org.tinytitans.engine.data.Synthetic;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.methods.VisionScoring;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.catalog.ModelFamily;

/**
 * The stacked silencing of filters (several silenced copies of a batch per forward pass) against the
 * one-filter-at-a-time reference (weights zeroed, one pass per filter): same outputs, same criterion scores.
 */
class StackedSilencingTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../samples").normalize();

    @Test
    void shippedMnistCnnScoresEqualTheOneAtATimePath() throws Exception {
        ImageSet digits = Subsample.stratified(Datasets.open("mnist", SAMPLES.resolve("data/mnist"), Split.TEST), 4, 1);
        try (Network net = ModelFile.load(SAMPLES.resolve("models/mnist-cnn.tt"))) {
            for (String criterion : List.of("kl-divergence", "cka")) {
                float[][] stacked = score(criterion, net, digits);
                float[][] reference = score(criterion, new OneAtATime(net), digits);
                assertScoresEqual(criterion, reference, stacked);
            }
        }
    }

    @Test
    void residualNetOutputsEqualTheOneAtATimePathForEveryUnit() {
        ImageSet images = Synthetic.normal(3, 3, 32, 32, 10, 5);
        try (Network net = Network.create(Zoo.build("resnet20"), 3); NDManager m = NDManager.newBaseManager()) {
            randomiseBatchNorms(net);
            NDArray x = m.create(images.batchPixels(0, 3), new ai.djl.ndarray.types.Shape(3, 3, 32, 32));
            OneAtATime reference = new OneAtATime(net);
            int[] units = {0, 4, net.filterUnits().size() - 1}; // first stage, a stride-2 block, the last block
            for (int unit : units) {
                for (boolean zeroBn : new boolean[] {true, false}) {
                    for (ScoringModel.Head head : ScoringModel.Head.values()) {
                        float[][] want = NoGrad.call(() -> reference.silencedOutputs(m, unit, zeroBn, head, x));
                        float[][] got = NoGrad.call(() -> net.silencedOutputs(m, unit, zeroBn, head, x));
                        assertEquals(want.length, got.length);
                        double scale = 0, worst = 0;
                        for (int f = 0; f < want.length; f++) {
                            assertEquals(want[f].length, got[f].length);
                            for (int i = 0; i < want[f].length; i++) {
                                scale = Math.max(scale, Math.abs(want[f][i]));
                                worst = Math.max(worst, Math.abs(want[f][i] - got[f][i]));
                            }
                        }
                        assertTrue(scale > 0.1, "outputs carry signal");
                        assertTrue(worst <= 1e-5 * scale, "unit " + unit + " " + head + " zeroBn " + zeroBn + ": max diff " + worst + " of " + scale);
                    }
                }
            }
            // and silencing really changes the outputs filter by filter (the comparison is not of identical copies)
            float[][] some = NoGrad.call(() -> net.silencedOutputs(m, 0, true, ScoringModel.Head.LOGITS, x));
            assertTrue(!java.util.Arrays.equals(some[0], some[1]));
        }
    }

    private static float[][] score(String criterion, ScoringModel model, ImageSet data) {
        return NoGrad.call(() -> ((VisionScoring) Methods.find("filters", ModelFamily.RESIDUAL, criterion).orElseThrow()).criterion().score(model, data, 1, Progress.NONE));
    }

    static void assertScoresEqual(String criterion, float[][] want, float[][] got) {
        assertEquals(want.length, got.length);
        int nonzero = 0;
        for (int u = 0; u < want.length; u++) {
            for (int f = 0; f < want[u].length; f++) {
                float tolerance = 1e-6f + 1e-3f * Math.abs(want[u][f]);
                assertEquals(want[u][f], got[u][f], tolerance, criterion + " unit " + u + " filter " + f);
                nonzero += want[u][f] > 1e-6 ? 1 : 0;
            }
        }
        assertTrue(nonzero > want[0].length, criterion + ": scores carry signal");
    }

    /** Gives every BN non-trivial statistics, so a constant (CKA) or zero (KL) silenced channel differ. */
    private static void randomiseBatchNorms(Network net) {
        java.util.Random r = new java.util.Random(9);
        for (String n : net.parameterNames()) {
            if (n.endsWith(".beta") || n.endsWith(".running_mean") || n.endsWith(".gamma") || n.endsWith(".running_var")) {
                float[] v = net.get(n);
                for (int i = 0; i < v.length; i++) {
                    v[i] = n.endsWith(".running_var") || n.endsWith(".gamma") ? 0.5f + r.nextFloat() : (float) r.nextGaussian() * 0.3f;
                }
                net.set(n, v);
            }
        }
    }

    /** The network behind the interface's default silencing: weights zeroed, one pass per filter. */
    private record OneAtATime(Network net) implements ScoringModel {
        @Override public List<Unit> filterUnits() { return net.filterUnits(); }
        @Override public List<Unit> blockUnits() { return net.blockUnits(); }
        @Override public NDArray filterWeights(NDManager m, int unit) { return net.filterWeights(m, unit); }
        @Override public List<NDArray> blockWeights(NDManager m, int unit) { return net.blockWeights(m, unit); }
        @Override public NDArray filterActivations(NDManager m, int unit, NDArray input) { return net.filterActivations(m, unit, input); }
        @Override public NDArray blockActivations(NDManager m, int unit, NDArray input) { return net.blockActivations(m, unit, input); }
        @Override public NDArray logits(NDManager m, NDArray input) { return net.logits(m, input); }
        @Override public NDArray features(NDManager m, NDArray input) { return net.features(m, input); }
        @Override public <T> T withFiltersZeroed(int unit, int[] filters, boolean zeroBatchNorm, Supplier<T> action) {
            return net.withFiltersZeroed(unit, filters, zeroBatchNorm, action);
        }
        @Override public <T> T withBlockZeroed(int unit, Supplier<T> action) { return net.withBlockZeroed(unit, action); }
        @Override public List<float[]> taylorScores(NDManager m, NDArray input, int[] labels) { return net.taylorScores(m, input, labels); }
    }
}
