package org.tinytitans.engine.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.zoo.Zoo;

/** The tutorial's trained weights (skipped when ../shared/models/tinytitans is absent). */
class KerasH5Test {

    static final Path DIR = Path.of(System.getProperty("user.dir")).resolve("../../shared/models/tinytitans").normalize();

    static Path file(String name) {
        Path f = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(f), "tutorial weights not present: " + f);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resnet32, ResNet32++.h5, 470218", "resnet44, ResNet44++.h5, 665994", "resnet56, ResNet56++.h5, 861770"})
    void everyValueOfTheFileLoads(String model, String h5, long params) throws Exception {
        Graph g = Zoo.build(model);
        Map<String, Tensor> t = KerasH5.read(file(h5), g);
        assertEquals(params, t.values().stream().mapToLong(x -> x.values().length).sum());
        assertEquals(g.counts().params(), params);
        // BN moving variance of the first block is small and positive, as djl-facts observed (0.02-0.04 range)
        float[] var = t.get("stage1.block0.bn1.running_var").values();
        for (float v : var) {
            assertTrue(v > 0f && v < 10f, "running_var " + v);
        }
    }

    @Test
    void outputsMatchAnIndependentKerasStyleForwardPass() throws Exception {
        Path h5 = file("ResNet32++.h5");
        float[] nhwc = new float[32 * 32 * 3];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < nhwc.length; i++) {
            nhwc[i] = (float) (0.5 * r.nextGaussian());
        }
        float[] expected = KerasReference.resnetV1(h5, 5, nhwc);
        float[] nchw = new float[nhwc.length];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                for (int c = 0; c < 3; c++) {
                    nchw[(c * 32 + y) * 32 + x] = nhwc[(y * 32 + x) * 3 + c];
                }
            }
        }
        try (Network net = Models.load("resnet32", h5, 10); NDManager m = NDManager.newBaseManager()) {
            var x = m.create(nchw, new Shape(1, 3, 32, 32));
            float[] logits = net.forward(x).toFloatArray();
            double scale = 0;
            for (float v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertTrue(scale > 1, "logits should not be trivially small: " + scale);
            for (int i = 0; i < 10; i++) {
                assertEquals(expected[i], logits[i], 1e-4 * scale, "class " + i);
            }
            assertEquals(1.0, net.probabilities(x).sum().getFloat(), 1e-5);
        }
    }

    @Test
    void mismatchesNameFileDatasetAndShapes() {
        Path h5 = file("ResNet32++.h5");
        var e = assertThrows(java.io.IOException.class, () -> KerasH5.read(h5, Zoo.build("resnet44")));
        assertTrue(e.getMessage().contains("ResNet32++.h5: holds 33 conv layers but model resnet44 has 45"), e.getMessage());
        e = assertThrows(java.io.IOException.class, () -> KerasH5.read(h5, Zoo.build("resnet32", 100)));
        assertTrue(e.getMessage().contains("dataset /dense_1/dense_1/kernel:0 has shape [64, 10] but the model expects [64, 100]"), e.getMessage());
        e = assertThrows(java.io.IOException.class, () -> Models.load("resnet32", DIR.resolve("missing.h5"), 10));
        assertTrue(e.getMessage().contains("missing.h5: no such weights file"), e.getMessage());
    }
}
