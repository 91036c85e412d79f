package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;

/** Parameter counts of the standard shapes against published figures, and the MAC formulas against a hand count. */
class VisionCountsTest {

    private static long params(String name) {
        return VisionCounts.of(VisionZoo.shape(name).orElseThrow()).params();
    }

    /** The same count a second way: the sum of the shapes {@link VisionNames#expected} lists (what loading checks). */
    private static long tensorSum(MultimodalConfig c) {
        long n = 0;
        for (long[] s : VisionNames.expected(c).values()) {
            long k = 1;
            for (long d : s) {
                k *= d;
            }
            n += k;
        }
        return c instanceof LlavaConfig l ? n + l.text().paramCount() : n;
    }

    @Test
    void vitB16HasTheParametersOfGoogleVitBasePatch16_224() {
        // Hugging Face google/vit-base-patch16-224 (ViTForImageClassification, 1000 ImageNet classes):
        // sum(p.numel()) = 86,567,656, shown as "86.6M params" on the model card.
        assertEquals(86_567_656L, params("vit-b16"));
    }

    @Test
    void deitS16HasTheParametersOfTheDeitPaper() {
        // DeiT paper (Touvron et al. 2021, Table 1): DeiT-S 22M parameters; timm deit_small_patch16_224 lists 22.05M
        // (facebook/deit-small-patch16-224 on Hugging Face: "22.1M params"). Exact: 22,050,664.
        long p = params("deit-s16");
        assertEquals(22_050_664L, p);
        assertEquals(22.05, Math.round(p / 1e4) / 100.0);
    }

    @Test
    void clipVitB32HasTheParametersOfOpenaiClipVitBasePatch32() {
        // Hugging Face openai/clip-vit-base-patch32 (CLIPModel): "151M params" on the model card; the exact
        // sum(p.numel()) is 151,277,313 (vision 87,456,000 + text 63,165,952 + projections 655,360 + logit_scale).
        assertEquals(151_277_313L, params("clip-vit-b32"));
        ClipConfig c = (ClipConfig) VisionZoo.shape("clip-vit-b32").orElseThrow();
        assertEquals(87_456_000L, VisionCounts.towerParams(c.vision()));
        assertEquals(63_165_952L, VisionCounts.textParams(c.text()));
    }

    @Test
    void llava15_7bHasTheParametersOfLlavaHf() {
        // Hugging Face llava-hf/llava-1.5-7b-hf: "7.06B params" on the model page. Parts: CLIP ViT-L/14-336 vision
        // tower 303,507,456 (issues of several CLIP repos quote "303M" for ViT-L/14's vision encoder), the 2-layer
        // projector 20,979,712, and Llama-2-7B with a 32,064-row vocabulary 6,738,939,904 (Llama-2-7B's own
        // 6,738,415,616 plus 2 x 64 x 4096 for the 64 added rows of embed_tokens and lm_head).
        LlavaConfig c = (LlavaConfig) VisionZoo.shape("llava-1.5-7b").orElseThrow();
        assertEquals(303_507_456L, VisionCounts.towerParams(c.vision()));
        assertEquals(20_979_712L, VisionCounts.projectorParams(c));
        assertEquals(6_738_415_616L, new LmConfig(Layout.LLAMA, 32000, 4096, 32, 32, 32, 128, 11008, 4096, 1e-5, 10000.0, false).paramCount());
        long p = params("llava-1.5-7b");
        assertEquals(7_063_427_072L, p);
        assertEquals(7.06, Math.round(p / 1e7) / 100.0);
        assertEquals(576, c.imageTokens());
        assertEquals(23, c.towerLayers());
    }

    @Test
    void countsFromTheFormulaEqualTheTensorsLoadingExpects() {
        for (Map.Entry<String, MultimodalConfig> e : VisionZoo.all().entrySet()) {
            assertEquals(tensorSum(e.getValue()), VisionCounts.of(e.getValue()).params(), e.getKey());
        }
        for (MultimodalConfig c : new MultimodalConfig[] {TinyVision.vit(), TinyVision.clip(), TinyVision.llava()}) {
            assertEquals(tensorSum(c), VisionCounts.of(c).params(), c.modelType());
        }
    }

    @Test
    void macsOfATinyVitAreCountedByHand() {
        // 8x8 image, 4x4 patches: 4 patches + CLS = 5 tokens; hidden 8, 2 heads, mlp 16, 2 layers, 3 labels, 1 channel
        VitConfig c = new VitConfig(new VisionTower(new EncoderConfig(8, 2, 2, 16, 1e-12, Act.GELU), 8, 4, 1, false), 3);
        long patch = 4L * 16 * 8;                       // 4 patches x 16 values x 8 outputs
        long qkvo = 4L * 5 * 8 * 8;                     // four 8x8 projections over 5 tokens
        long attention = 2L * 5 * 5 * 8;                // scores and weighted sum: 5x5 pairs x 8 channels, twice
        long mlp = 2L * 5 * 8 * 16;
        long head = 8L * 3;
        VisionCounts k = VisionCounts.of(c);
        assertEquals(patch + 2 * (qkvo + attention + mlp) + head, k.macsPerImage());
        assertEquals(5, k.imageTokens());
        assertEquals(4 * k.params(), k.weightBytes());
    }

    @Test
    void vitB16MacsPerImageAreAbout17_6Giga() {
        // The ViT paper and timm list ViT-B/16 at 224 px as 17.6 GFLOPs (multiply-accumulates, as fvcore counts).
        long macs = VisionCounts.of(VisionZoo.shape("vit-b16").orElseThrow()).macsPerImage();
        assertEquals(17.6, Math.round(macs / 1e8) / 10.0);
    }

    @Test
    void deitS16MacsPerImageAre4_6Giga() {
        // DeiT paper, Table 1: DeiT-S at 224 px, 4.6 GFLOPs (counted as multiply-accumulates). Exact: 4,598,882,304.
        long macs = VisionCounts.of(VisionZoo.shape("deit-s16").orElseThrow()).macsPerImage();
        assertEquals(4_598_882_304L, macs);
        assertEquals(4.6, Math.round(macs / 1e8) / 10.0);
    }

    @Test
    void llavaImageCostIsDominatedByTheDecoderOverItsImageTokens() {
        VisionCounts k = VisionCounts.of(VisionZoo.shape("llava-1.5-7b").orElseThrow());
        LlavaConfig c = (LlavaConfig) VisionZoo.shape("llava-1.5-7b").orElseThrow();
        long decoder = k.macsPerImage() - k.visionMacs();
        assertTrue(decoder > 5 * k.visionMacs(), "576 image tokens through a 7B decoder cost more than the ViT-L tower");
        assertEquals(c.text().macsPerToken(576), k.macsPerToken());
    }
}
