package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.MnistIdx;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.weights.Tensor;

/** Structured pruning of the shipped tiny ViT (hidden 64, 4 blocks, MLP 256): smaller matrices, exact counts, changed logits. */
class VitPruneTest {
    static final Path SAMPLES = TinyVitSampleTest.SAMPLES;

    private static VitModel tiny() throws IOException {
        return (VitModel) VisionCheckpoints.load(SAMPLES.resolve("models/tiny-vit"));
    }

    @Test
    void neuronsByMagnitudeKeepTheStrongestUnitsOfEveryBlock() throws IOException {
        ImageSet test = MnistIdx.load(SAMPLES.resolve("data/mnist"), Split.TEST);
        float[][] images = {test.batchPixels(0, 1), test.batchPixels(1, 2)};
        try (VitModel dense = tiny(); VitModel pruned = VitPrune.neurons(dense, VitPrune.removed(0.5, 256), VitPrune.Score.MAGNITUDE, 1)) {
            assertEquals(128, pruned.config().tower().encoder().intermediate());
            // per block: 128 fc1 rows of 64 and their biases, 128 fc2 columns of 64
            assertEquals(dense.paramCount() - 4L * (128 * 64 + 128 + 64 * 128), pruned.paramCount());
            assertEquals(VisionCounts.of(pruned.config()).params(), pruned.paramCount());
            assertTrue(VisionCounts.of(pruned.config()).macsPerImage() < VisionCounts.of(dense.config()).macsPerImage());
            for (int l = 0; l < 4; l++) {
                Tensor up = dense.weights().get("layers." + l + ".up.w");
                double[] s = VitPrune.neuronMagnitude(up, dense.weights().get("layers." + l + ".down.w"));
                int strongest = 0;
                int weakest = 0;
                for (int j = 1; j < s.length; j++) {
                    strongest = s[j] > s[strongest] ? j : strongest;
                    weakest = s[j] < s[weakest] ? j : weakest;
                }
                float[] gone = Arrays.copyOfRange(up.values(), weakest * 64, weakest * 64 + 64);
                // the strongest unit survives with its fc1 row intact; the weakest is gone
                float[] row = Arrays.copyOfRange(up.values(), strongest * 64, strongest * 64 + 64);
                Tensor kept = pruned.weights().get("layers." + l + ".up.w");
                boolean found = false;
                boolean weakFound = false;
                for (int j = 0; j < 128; j++) {
                    found |= Arrays.equals(row, Arrays.copyOfRange(kept.values(), j * 64, j * 64 + 64));
                    weakFound |= Arrays.equals(gone, Arrays.copyOfRange(kept.values(), j * 64, j * 64 + 64));
                }
                assertTrue(found, "block " + l + " lost its strongest unit");
                assertFalse(weakFound, "block " + l + " kept its weakest unit");
            }
            float[][] a = dense.logits(images);
            float[][] b = pruned.logits(images);
            assertEquals(10, b[0].length);
            assertFalse(Arrays.equals(a[0], b[0]), "pruning half the MLP changed nothing");
            // the strongest half carries the model: far better than chance on the shipped digits
            assertTrue(TrainTinyVit.accuracy(pruned, test) > 0.3);
        }
    }

    @Test
    void randomNeuronsAreSeededAndDifferFromMagnitude() throws IOException {
        try (VitModel dense = tiny();
             VitModel r1 = VitPrune.neurons(dense, 64, VitPrune.Score.RANDOM, 3);
             VitModel r2 = VitPrune.neurons(dense, 64, VitPrune.Score.RANDOM, 3);
             VitModel m = VitPrune.neurons(dense, 64, VitPrune.Score.MAGNITUDE, 3)) {
            assertArrayEquals(r1.weights().get("layers.0.up.w").values(), r2.weights().get("layers.0.up.w").values());
            assertFalse(Arrays.equals(r1.weights().get("layers.0.up.w").values(), m.weights().get("layers.0.up.w").values()));
            assertEquals(192, r1.config().tower().encoder().intermediate());
        }
    }

    @Test
    void layersRemoveWholeBlocksAndRenumberTheRest() throws IOException {
        try (VitModel dense = tiny(); VitModel pruned = VitPrune.layers(dense, 1, VitPrune.Score.MAGNITUDE, 1)) {
            assertEquals(3, pruned.config().tower().encoder().layers());
            assertEquals(dense.paramCount() - VisionCounts.layerParams(dense.config().tower().encoder()), pruned.paramCount());
            // the lowest mean |w| block went: the survivors are the other three, in order
            double[] mean = new double[4];
            for (int l = 0; l < 4; l++) {
                double sum = 0;
                long n = 0;
                for (String x : VisionNames.LINEARS) {
                    for (float v : dense.weights().get("layers." + l + "." + x + ".w").values()) {
                        sum += Math.abs(v);
                        n++;
                    }
                }
                mean[l] = sum / n;
            }
            int weakest = 0;
            for (int l = 1; l < 4; l++) {
                weakest = mean[l] < mean[weakest] ? l : weakest;
            }
            int to = 0;
            for (int l = 0; l < 4; l++) {
                if (l != weakest) {
                    assertArrayEquals(dense.weights().get("layers." + l + ".q.w").values(), pruned.weights().get("layers." + to + ".q.w").values());
                    to++;
                }
            }
            assertFalse(pruned.weights().containsKey("layers.3.q.w"));
            float[][] images = {TinyVision.image(dense.config().tower(), 1)};
            assertFalse(Arrays.equals(dense.logits(images)[0], pruned.logits(images)[0]));
            assertThrows(IllegalArgumentException.class, () -> VitPrune.layers(dense, 4, VitPrune.Score.RANDOM, 1));
        }
    }

    @Test
    void headsByMagnitudeDropTheirQkvRowsAndOutputColumns() throws IOException {
        ImageSet test = MnistIdx.load(SAMPLES.resolve("data/mnist"), Split.TEST);
        try (VitModel dense = tiny(); VitModel pruned = VitPrune.heads(dense, VitPrune.removed(0.5, 4), VitPrune.Score.MAGNITUDE, 1)) {
            EncoderConfig e = pruned.config().tower().encoder();
            assertEquals(2, e.heads());
            assertEquals(16, e.headDim()); // heads keep their size: attention width 32 of hidden 64
            assertEquals(32, e.attentionWidth());
            // per block: 2 heads of 16 rows (64 wide, + bias) in q, k and v; 2 x 16 columns of the 64-row output projection
            assertEquals(dense.paramCount() - 4L * (3 * (32 * 64 + 32) + 64 * 32), pruned.paramCount());
            assertEquals(VisionCounts.of(pruned.config()).params(), pruned.paramCount());
            for (int l = 0; l < 4; l++) {
                Tensor o = dense.weights().get("layers." + l + ".o.w");
                double[] s = VitPrune.headMagnitude(o, 4, 16);
                int[] keep = org.tinytitans.engine.lm.prune.Ranking.keepHighest(s, 2);
                // the kept heads are the two largest, and their q rows moved over unchanged
                for (int h = 0; h < 4; h++) {
                    boolean kept = h == keep[0] || h == keep[1];
                    double mine = s[h];
                    long larger = Arrays.stream(s).filter(x -> x > mine).count();
                    assertEquals(kept, larger < 2, "block " + l + " head " + h);
                }
                float[] q = dense.weights().get("layers." + l + ".q.w").values();
                float[] qKept = pruned.weights().get("layers." + l + ".q.w").values();
                assertArrayEquals(Arrays.copyOfRange(q, keep[1] * 16 * 64, (keep[1] + 1) * 16 * 64), Arrays.copyOfRange(qKept, 16 * 64, 32 * 64));
            }
            float[][] images = {test.batchPixels(0, 1)};
            assertFalse(Arrays.equals(dense.logits(images)[0], pruned.logits(images)[0]));
            double acc = TrainTinyVit.accuracy(pruned, test);
            assertTrue(acc >= 0 && acc <= 1);
            assertThrows(IllegalStateException.class, () -> pruned.config().toJson(), "a config.json cannot state the pruned heads");
        }
    }

    @Test
    void weightsByMagnitudeAndTwoOfFourZeroTheEncoderLinearsInPlace() throws IOException {
        try (VitModel dense = tiny();
             VitModel half = VitPrune.weights(dense, 0.5, 0, 0);
             VitModel nm = VitPrune.weights(dense, 0, 2, 4)) {
            // per block: q, k, v, o 64x64 and fc1, fc2 64x256: 4 x (4 x 4096 + 2 x 16384) = 196,608 encoder weights
            long linear = 4L * (4 * 4096 + 2 * 16384);
            assertEquals(dense.paramCount(), half.paramCount());
            assertEquals(VitPrune.nonzero(dense) - linear / 2, VitPrune.nonzero(half));
            assertEquals(VitPrune.nonzero(dense) - linear / 2, VitPrune.nonzero(nm));
            float[] q = dense.weights().get("layers.0.q.w").values();
            float[] q24 = nm.weights().get("layers.0.q.w").values();
            for (int g = 0; g < q.length; g += 4) {
                int zeros = 0;
                float keptMin = Float.MAX_VALUE;
                float goneMax = 0;
                for (int j = g; j < g + 4; j++) {
                    zeros += q24[j] == 0 ? 1 : 0;
                    if (q24[j] == 0) {
                        goneMax = Math.max(goneMax, Math.abs(q[j]));
                    } else {
                        keptMin = Math.min(keptMin, Math.abs(q[j]));
                    }
                }
                assertEquals(2, zeros, "group at " + g);
                assertTrue(goneMax <= keptMin, "group at " + g + " kept a smaller weight");
            }
            assertArrayEquals(dense.weights().get("head.w").values(), half.weights().get("head.w").values());
            float[][] images = {TinyVision.image(dense.config().tower(), 1)};
            assertFalse(Arrays.equals(dense.logits(images)[0], half.logits(images)[0]));
            assertThrows(IllegalArgumentException.class, () -> VitPrune.weights(dense, 0, 2, 3));
        }
    }
}
