package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.engine.vit.VisionAsserts.assertClose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.weights.Tensor;

/** EViT-style token pruning: what it costs by the count, what it computes against the reference, and keep 100% is a no-op. */
class TokenPruningTest {
    @TempDir
    Path tmp;

    /** 16x16 image in 4x4 patches: 16 patches + CLS, four blocks, so dropping tokens has room to matter. */
    static VitConfig config() {
        return new VitConfig(new VisionTower(new EncoderConfig(16, 4, 4, 32, 1e-12, Act.GELU), 16, 4, 3, false), 5);
    }

    @Test
    void keepingEveryTokenChangesNothing() throws IOException {
        VitConfig c = config();
        TinyVision.write(tmp, c, TinyVision.vitTensors(c, 41), "F32");
        try (VitModel m = (VitModel) VisionCheckpoints.load(tmp)) {
            float[][] images = {TinyVision.image(c.tower(), 1), TinyVision.image(c.tower(), 2)};
            float[][] dense = m.logits(images);
            for (boolean fuse : new boolean[] {false, true}) {
                float[][] all = m.logits(images, new TokenKeep(2, 1.0, fuse));
                for (int i = 0; i < dense.length; i++) {
                    assertArrayEquals(dense[i], all[i], 0f);
                }
                assertEquals(VisionCounts.of(c).macsPerImage(), VisionCounts.vit(c, new TokenKeep(2, 1.0, fuse)).macsPerImage());
            }
        }
    }

    @Test
    void prunedLogitsMatchTheReference() throws IOException {
        VitConfig c = config();
        Map<String, Tensor> hf = TinyVision.vitTensors(c, 42);
        TinyVision.write(tmp, c, hf, "F32");
        RefVision ref = new RefVision(hf);
        float[][] images = {TinyVision.image(c.tower(), 3), TinyVision.image(c.tower(), 4)};
        try (VitModel m = (VitModel) VisionCheckpoints.load(tmp)) {
            for (boolean fuse : new boolean[] {false, true}) {
                TokenKeep keep = new TokenKeep(2, 0.5, fuse);
                double[][] want = {ref.vitLogits(c, images[0], 2, 8, fuse), ref.vitLogits(c, images[1], 2, 8, fuse)};
                float[][] got = m.logits(images, keep);
                assertClose(want, got, 1e-4);
                float[][] dense = m.logits(images);
                assertTrue(Math.abs(dense[0][0] - got[0][0]) > 1e-4, "dropping half the tokens changes the logits");
            }
        }
    }

    @Test
    void macsFallWithTheTokensTheLaterBlocksSee() {
        VitConfig c = config();
        EncoderConfig e = c.tower().encoder();
        long patch = 16L * 48 * 16;
        long head = 16L * 5;
        // blocks 1-2 on 17 tokens, blocks 3-4 on CLS + 8 kept (+ 1 fused)
        assertEquals(patch + 2 * VisionCounts.layerMacs(e, 17) + 2 * VisionCounts.layerMacs(e, 9) + head,
                VisionCounts.vit(c, new TokenKeep(2, 0.5, false)).macsPerImage());
        assertEquals(patch + 2 * VisionCounts.layerMacs(e, 17) + 2 * VisionCounts.layerMacs(e, 10) + head,
                VisionCounts.vit(c, new TokenKeep(2, 0.5, true)).macsPerImage());
        assertEquals(9, VisionCounts.vit(c, new TokenKeep(2, 0.5, false)).imageTokens());

        // ViT-B/16 keeping 70% of 196 patches (137) after block 4: blocks 5-12 run on 138 tokens instead of 197
        VitConfig b16 = (VitConfig) VisionZoo.shape("vit-b16").orElseThrow();
        long dense = VisionCounts.of(b16).macsPerImage();
        long pruned = VisionCounts.vit(b16, new TokenKeep(4, 0.7, false)).macsPerImage();
        long perLayerSaved = VisionCounts.layerMacs(b16.tower().encoder(), 197) - VisionCounts.layerMacs(b16.tower().encoder(), 138);
        assertEquals(8 * perLayerSaved, dense - pruned);
        assertEquals(13.98, Math.round(pruned / 1e7) / 100.0); // GMACs, from 17.56 dense: 1,454.0M per block at 197 tokens, 1,006.0M at 138
        assertEquals(0.80, Math.round(100.0 * pruned / dense) / 100.0);
    }

    @Test
    void pruningPointMustLeaveBlocksToSpeedUp() {
        VitConfig c = config();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VisionCounts.vit(c, new TokenKeep(4, 0.5, false)));
        assertEquals("the model has 4 blocks; tokens can be pruned after block 1 to 3, not 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TokenKeep(1, 0, false));
    }
}
