package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.tinytitans.engine.vit.VisionAsserts.assertClose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.weights.Tensor;

/** A ViTForImageClassification folder written by the test loads and matches the plain-Java reference. */
class VitForwardTest {
    @TempDir
    Path tmp;

    @Test
    void logitsMatchTheReferenceInEveryStoredPrecision() throws IOException {
        VitConfig c = TinyVision.vit();
        Map<String, Tensor> hf = TinyVision.vitTensors(c, 11);
        float[][] images = {TinyVision.image(c.tower(), 1), TinyVision.image(c.tower(), 2)};
        RefVision ref = new RefVision(hf);
        double[][] want = {ref.vitLogits(c, images[0]), ref.vitLogits(c, images[1])};
        for (String dtype : new String[] {"F32", "F16", "BF16"}) {
            Path dir = tmp.resolve(dtype);
            TinyVision.write(dir, c, hf, dtype);
            try (MultimodalModel loaded = VisionCheckpoints.load(dir)) {
                VitModel m = assertInstanceOf(VitModel.class, loaded);
                assertEquals(c, m.config());
                assertEquals(VisionCounts.of(c).params(), m.paramCount());
                assertClose(want, m.logits(images), 1e-4);
            }
        }
    }

    @Test
    void repeatedForwardPassesLeaveNothingInTheWeightsManager() throws IOException {
        VitConfig c = TinyVision.vit();
        TinyVision.write(tmp, c, TinyVision.vitTensors(c, 12), "F32");
        try (VitModel m = (VitModel) VisionCheckpoints.load(tmp)) {
            float[][] img = {TinyVision.image(c.tower(), 3)};
            m.logits(img);
            int after1 = m.liveArrays();
            m.logits(img);
            m.logits(img);
            assertEquals(m.weights().size(), after1);
            assertEquals(after1, m.liveArrays());
        }
    }
}
