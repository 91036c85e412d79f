package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.tinytitans.engine.vit.VisionAsserts.assertClose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.LmSafetensors;
import org.tinytitans.engine.weights.Tensor;

/** CLIP zero-shot logits (logits_per_image) match the plain-Java reference. */
class ClipForwardTest {
    // Prompts of one length; the end-of-text token is the largest id (39) as in OpenAI's vocabulary; the
    // second is padded after it with 0s, which causal attention keeps from changing its embedding.
    static final long[][] PROMPTS = {{1, 5, 9, 12, 7, 39}, {1, 22, 39, 0, 0, 0}, {1, 3, 3, 3, 30, 39}};

    @TempDir
    Path tmp;

    @Test
    void logitsPerImageMatchTheReference() throws IOException {
        ClipConfig c = TinyVision.clip();
        Map<String, Tensor> hf = TinyVision.clipTensors(c, 21);
        float[][] images = {TinyVision.image(c.vision(), 4), TinyVision.image(c.vision(), 5)};
        double[][] want = new RefVision(hf).clipLogitsPerImage(c, images, PROMPTS);
        for (String dtype : new String[] {"F32", "BF16"}) {
            Path dir = tmp.resolve(dtype);
            TinyVision.write(dir, c, hf, dtype);
            try (MultimodalModel loaded = VisionCheckpoints.load(dir)) {
                ClipModel m = assertInstanceOf(ClipModel.class, loaded);
                assertEquals(VisionCounts.of(c).params(), m.paramCount());
                assertClose(want, m.logitsPerImage(images, PROMPTS), 1e-4);
            }
        }
    }

    @Test
    void shardedCheckpointWithMixedPrecisionsLoadsThroughItsIndex() throws IOException {
        ClipConfig c = TinyVision.clip();
        Map<String, Tensor> hf = TinyVision.clipTensors(c, 22);
        Files.writeString(tmp.resolve("config.json"), c.toJson().toString());
        Map<String, Tensor> a = new LinkedHashMap<>();
        Map<String, Tensor> b = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("{\"metadata\": {\"total_size\": 0}, \"weight_map\": {");
        int i = 0;
        for (Map.Entry<String, Tensor> e : hf.entrySet()) {
            boolean first = e.getKey().startsWith("vision_model.");
            (first ? a : b).put(e.getKey(), e.getValue());
            index.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\": \"model-0000")
                    .append(first ? 1 : 2).append("-of-00002.safetensors\"");
        }
        LmSafetensors.write(tmp.resolve("model-00001-of-00002.safetensors"), a, "F16");
        LmSafetensors.write(tmp.resolve("model-00002-of-00002.safetensors"), b, "BF16");
        Files.writeString(tmp.resolve("model.safetensors.index.json"), index.append("}}").toString());
        float[][] images = {TinyVision.image(c.vision(), 6)};
        try (ClipModel m = (ClipModel) VisionCheckpoints.load(tmp)) {
            assertClose(new RefVision(hf).clipLogitsPerImage(c, images, PROMPTS), m.logitsPerImage(images, PROMPTS), 1e-4);
        }
    }
}
