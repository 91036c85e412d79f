package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.MnistIdx;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.weights.Safetensors;
import org.tinytitans.engine.weights.Tensor;

/** The shipped tiny ViT is the zoo's `tiny-vit` shape, scores what its README says, and a saved ViT folder reloads as it was. */
class TinyVitSampleTest {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    @Test
    void theShippedModelIsTheZooShapeAndScoresItsReadmeFigure() throws IOException {
        try (MultimodalModel m = VisionCheckpoints.load(SAMPLES.resolve("models/tiny-vit"))) {
            VitModel vit = (VitModel) m;
            assertEquals(VisionZoo.shape("tiny-vit").orElseThrow(), vit.config());
            assertEquals(VisionCounts.of(vit.config()).params(), vit.paramCount());
            ImageSet test = MnistIdx.load(SAMPLES.resolve("data/mnist"), Split.TEST);
            assertEquals(1660.0 / 2004, TrainTinyVit.accuracy(vit, test), 1e-12); // samples/models/tiny-vit/README.md
        }
    }

    @Test
    void aSavedFolderHasTheTransformersNamesAndReloadsTheSameLogits(@TempDir Path dir) throws IOException {
        VitConfig c = new VitConfig(new VisionTower(new EncoderConfig(32, 2, 4, 64, 1e-12, Act.GELU), 8, 4, 3, false), 5);
        Map<String, Tensor> w = VitModel.initialWeights(c, new java.util.Random(7));
        w.replaceAll((n, t) -> n.endsWith(".b") ? new Tensor(t.shape(), ramp(t.values().length)) : t); // biases matter too
        VisionCheckpoints.saveVit(c, w, dir);
        Map<String, Tensor> raw = Safetensors.read(dir.resolve("model.safetensors"));
        assertArrayEquals(new long[] {32, 3, 4, 4}, raw.get("vit.embeddings.patch_embeddings.projection.weight").shape());
        assertArrayEquals(new long[] {1, 1, 32}, raw.get("vit.embeddings.cls_token").shape());
        assertArrayEquals(new long[] {1, 5, 32}, raw.get("vit.embeddings.position_embeddings").shape());
        assertTrue(raw.containsKey("vit.encoder.layer.1.attention.attention.query.bias"));
        assertTrue(raw.containsKey("classifier.weight"));
        assertEquals(VisionNames.expected(c).size(), raw.size());
        float[][] images = {TinyVision.image(c.tower(), 1), TinyVision.image(c.tower(), 2)};
        try (VitModel before = new VitModel(c, w); MultimodalModel after = VisionCheckpoints.load(dir)) {
            float[][] a = before.logits(images);
            float[][] b = ((VitModel) after).logits(images);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0f);
            }
        }
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 7 - 3) / 64f;
        }
        return v;
    }
}
