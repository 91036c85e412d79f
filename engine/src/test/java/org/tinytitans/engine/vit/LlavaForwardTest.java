package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tinytitans.engine.vit.VisionAsserts.assertClose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.weights.Tensor;

/** The LLaVA layout: image features spliced at the image token, through the engine's Llama decoder, match the reference. */
class LlavaForwardTest {
    // two images (image token 63) inside a short prompt
    static final long[] PROMPT = {1, 7, 63, 12, 30, 63, 5, 9};

    @TempDir
    Path tmp;

    @Test
    void logitsMatchTheReferenceForBothNameLayoutsAndPrecisions() throws IOException {
        LlavaConfig c = TinyVision.llava();
        Map<String, Tensor> old = TinyVision.llavaTensors(c, 31, false);
        float[][] images = {TinyVision.image(c.vision(), 7), TinyVision.image(c.vision(), 8)};
        double[][] want = new RefVision(old).llavaLogits(c, PROMPT, images);
        assertEquals(PROMPT.length - 2 + 2 * c.imageTokens(), want.length);
        Map<String, Tensor> renamed = renamedToNewLayout(old);
        String[][] cases = {{"old", "F32"}, {"new", "F32"}, {"old", "BF16"}, {"new", "F16"}};
        for (String[] k : cases) {
            Path dir = tmp.resolve(k[0] + k[1]);
            TinyVision.write(dir, c, k[0].equals("old") ? old : renamed, k[1]);
            try (MultimodalModel loaded = VisionCheckpoints.load(dir)) {
                LlavaModel m = assertInstanceOf(LlavaModel.class, loaded);
                assertEquals(VisionCounts.of(c).params(), m.paramCount(), k[0] + k[1]);
                assertClose(want, m.logits(PROMPT, images), 1e-4);
            }
        }
    }

    @Test
    void anAlreadyExpandedPromptGivesTheSameLogitsAndTheImageOnlyReachesLaterPositions() throws IOException {
        LlavaConfig c = TinyVision.llava();
        TinyVision.write(tmp, c, TinyVision.llavaTensors(c, 32, false), "F32");
        try (LlavaModel m = (LlavaModel) VisionCheckpoints.load(tmp)) {
            float[][] a = {TinyVision.image(c.vision(), 9), TinyVision.image(c.vision(), 10)};
            float[][] b = {TinyVision.image(c.vision(), 9), TinyVision.image(c.vision(), 11)};
            float[][] la = m.logits(PROMPT, a);
            float[][] expanded = m.logits(m.expand(PROMPT, 2), a);
            for (int i = 0; i < la.length; i++) {
                assertArrayEquals(la[i], expanded[i], 1e-6f);
            }
            float[][] lb = m.logits(PROMPT, b);
            int secondImage = 2 + c.imageTokens() + 2; // position of the second image's first token
            for (int i = 0; i < secondImage; i++) {
                assertArrayEquals(la[i], lb[i], 1e-6f, "position " + i + " precedes the changed image");
            }
            assertNotEquals(la[secondImage][0], lb[secondImage][0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.logits(PROMPT, new float[][] {a[0]}));
            assertEquals("the prompt has 2 image tokens (<image>) for 1 images", e.getMessage());
        }
    }

    /** transformers 4.52+ names: model.vision_tower, model.multi_modal_projector, model.language_model, lm_head. */
    private static Map<String, Tensor> renamedToNewLayout(Map<String, Tensor> old) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : old.entrySet()) {
            String n = e.getKey();
            String m = n.startsWith("language_model.model.") ? "model.language_model." + n.substring("language_model.model.".length())
                    : n.equals("language_model.lm_head.weight") ? "lm_head.weight" : "model." + n;
            out.put(m, e.getValue());
        }
        return out;
    }
}
