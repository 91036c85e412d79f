package org.tinytitans.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.criteria.ScoringModel.Unit;
import org.tinytitans.engine.graph.FilterGroups;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.prune.FilterPruning;
import org.tinytitans.engine.prune.LayerPruning;
import org.tinytitans.engine.prune.Scope;
import org.tinytitans.engine.zoo.Zoo;

/** DJL-backed checks, kept small: batch 2, mostly ResNet-20 and the MNIST CNN. */
class NetworkTest {

    @TempDir
    Path tmp;

    static NDArray batch(NDManager m, Network net, long seed) {
        Random r = new Random(seed);
        int c = net.graph().inputLayer().out(), h = net.graph().height(), w = net.graph().width();
        float[] x = new float[2 * c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return m.create(x, new Shape(2, c, h, w));
    }

    /** Random BN statistics so that BN is not the identity and dead filters are not trivially dead. */
    static void randomiseBatchNorm(Network net, long seed) {
        Random r = new Random(seed);
        for (String n : net.parameterNames()) {
            float[] v = net.get(n);
            if (n.endsWith(".running_var") || n.endsWith(".gamma")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = 0.5f + r.nextFloat();
                }
            } else if (n.endsWith(".running_mean") || n.endsWith(".beta")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (0.1 * r.nextGaussian());
                }
            } else {
                continue;
            }
            net.set(n, v);
        }
    }

    /** Kills the even filters of every unit: zero kernel rows and bias, BN beta and mean zero, so the ReLU outputs 0. */
    private static List<float[]> killEvenFilters(Network net) {
        List<float[]> scores = new ArrayList<>();
        List<Unit> units = net.filterUnits();
        for (int u = 0; u < units.size(); u++) {
            String conv = units.get(u).name();
            float[] w = net.get(conv + ".weight");
            int per = w.length / units.get(u).width();
            float[] s = new float[units.get(u).width()];
            for (String bn : FilterGroups.group(net.graph(), conv).orElseThrow().tied()) {
                if (net.graph().layer(bn).kind() == Kind.BATCH_NORM) { // every BN on the way, past depthwise convs too
                    float[] beta = net.get(bn + ".beta"), mean = net.get(bn + ".running_mean");
                    for (int f = 0; f < s.length; f += 2) {
                        beta[f] = 0f;
                        mean[f] = 0f;
                    }
                    net.set(bn + ".beta", beta);
                    net.set(bn + ".running_mean", mean);
                }
            }
            for (int f = 0; f < s.length; f++) {
                if (f % 2 == 0) {
                    java.util.Arrays.fill(w, f * per, (f + 1) * per, 0f);
                }
                double l1 = 0;
                for (int i = f * per; i < (f + 1) * per; i++) {
                    l1 += Math.abs(w[i]);
                }
                s[f] = (float) l1;
            }
            net.set(conv + ".weight", w);
            if (net.graph().layer(conv).bias()) {
                float[] b = net.get(conv + ".bias");
                for (int f = 0; f < b.length; f += 2) {
                    b[f] = 0f;
                }
                net.set(conv + ".bias", b);
            }
            scores.add(s);
        }
        return scores;
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double scale = 1e-6;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * scale, "output " + i);
        }
    }

    @Test
    void removingDeadFiltersLeavesOutputsUnchanged() {
        for (String model : List.of("resnet20", "mnist-cnn", "vgg16-cifar", "mobilenetv2")) {
            try (Network net = Network.create(Zoo.build(model), 1); NDManager m = NDManager.newBaseManager()) {
                randomiseBatchNorm(net, 2);
                List<float[]> scores = killEvenFilters(net);
                NDArray x = batch(m, net, 3);
                float[] before = net.forward(x).toFloatArray();
                try (Network pruned = FilterPruning.apply(net, scores, 0.5, Scope.PER_LAYER, List.of())) {
                    assertTrue(pruned.graph().counts().params() < net.graph().counts().params());
                    assertEquals(pruned.graph().counts().params(), pruned.parameterCount());
                    assertClose(before, pruned.forward(x).toFloatArray());
                    assertEquals(new Shape(2, net.graph().classes()), pruned.forward(x).getShape());
                }
            }
        }
    }

    @Test
    void removingASilencedBlockLeavesOutputsUnchanged() {
        try (Network net = Network.create(Zoo.build("resnet20"), 4); NDManager m = NDManager.newBaseManager()) {
            randomiseBatchNorm(net, 5);
            NDArray x = batch(m, net, 6);
            float[] silenced = net.withBlockZeroed(2, () -> net.forward(x).toFloatArray()); // unit 2 = stage2.block1
            float[] normal = net.forward(x).toFloatArray();
            assertTrue(Math.abs(silenced[0] - normal[0]) > 1e-6, "zeroing a block must change the output");
            float[] scores = new float[net.blockUnits().size()];
            java.util.Arrays.fill(scores, 1f);
            scores[2] = 0f;
            for (String n : new String[] {"gamma", "beta", "running_mean", "running_var"}) {
                net.set("stage2.block1.bn2." + n, new float[32]);
            }
            try (Network pruned = LayerPruning.apply(net, scores, null, 1, List.of())) {
                assertTrue(!pruned.graph().has("stage2.block1.conv1"));
                assertClose(silenced, pruned.forward(x).toFloatArray());
            }
        }
    }

    @Test
    void savedModelReloadsIdentically() throws Exception {
        try (Network net = Network.create(Zoo.build("resnet20"), 7); NDManager m = NDManager.newBaseManager()) {
            randomiseBatchNorm(net, 8);
            List<float[]> scores = killEvenFilters(net);
            try (Network pruned = FilterPruning.apply(net, scores, 0.25, Scope.GLOBAL, List.of())) {
                Path file = tmp.resolve("pruned.tt");
                pruned.save(file);
                try (Network back = Models.load(null, file, 10); Network twin = back.copy()) {
                    assertEquals(pruned.graph().layers(), back.graph().layers());
                    NDArray x = batch(m, net, 9);
                    assertArrayEquals(pruned.forward(x).toFloatArray(), back.forward(x).toFloatArray());
                    assertArrayEquals(back.forward(x).toFloatArray(), twin.forward(x).toFloatArray());
                }
                Path st = tmp.resolve("w.safetensors");
                Models.saveSafetensors(net, st);
                try (Network again = Models.load("resnet20", st, 10)) {
                    NDArray x = batch(m, net, 10);
                    assertArrayEquals(net.forward(x).toFloatArray(), again.forward(x).toFloatArray());
                }
            }
        }
    }

    @Test
    void modelsFacadeRejectsBadInput() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> Models.load("resnet20", tmp.resolve("w.onnx"), 10));
        assertTrue(e.getMessage().contains("w.onnx"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> Models.load(null, tmp.resolve("w.h5"), 10));
        assertTrue(e.getMessage().contains("model name"), e.getMessage());
    }

    @Test
    void scoringHooksGiveShapesAndRestoreWeights() {
        try (Network net = Network.create(Zoo.build("resnet20"), 11); NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, net, 12);
            assertEquals(9, net.filterUnits().size());
            assertEquals(6, net.blockUnits().size());
            assertEquals(new Shape(2, 32, 16, 16), net.filterActivations(m, 3, x).getShape());
            assertEquals(new Shape(2, 64), net.features(m, x).getShape());
            assertEquals(new Shape(32, 16, 3, 3), net.filterWeights(m, 3).getShape());
            assertEquals(2, net.blockWeights(m, 0).size());
            float[] w = net.get("stage1.block0.conv1.weight");
            float[] inside = net.withFiltersZeroed(0, new int[] {1}, true, () -> net.get("stage1.block0.bn1.gamma"));
            assertEquals(0f, inside[1]);
            assertArrayEquals(w, net.get("stage1.block0.conv1.weight"));
            assertTrue(net.get("stage1.block0.bn1.gamma")[1] != 0f);
            List<NDArray> all = net.filterActivations(m, x);
            assertEquals(9, all.size());
            assertArrayEquals(net.filterActivations(m, 3, x).toFloatArray(), all.get(3).toFloatArray());
            List<float[]> taylor = net.taylorScores(m, x, new int[] {3, 7});
            assertEquals(9, taylor.size());
            assertEquals(64, taylor.get(8).length);
            assertTrue(taylor.stream().allMatch(t -> java.util.stream.IntStream.range(0, t.length).allMatch(i -> t[i] >= 0 && Float.isFinite(t[i]))));
            float[] p = net.probabilities(x).sum(new int[] {1}).toFloatArray();
            assertEquals(1f, p[0], 1e-5);
        }
    }
}
