package org.tinytitans.engine.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.vit.TokenKeep;
import org.tinytitans.engine.vit.VisionCounts;
import org.tinytitans.engine.vit.VisionZoo;
import org.tinytitans.engine.vit.VitConfig;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;

/** `Estimate.of` on the vision transformer zoo names: exact counts without weights, and what token pruning saves. */
class TransformerEstimateTest {

    private static ExperimentRun run(String body) {
        return Experiments.resolve(SpecDocument.parse("experiment e {\n" + body + "\n}\n")).get(0);
    }

    /** One encoder layer over t tokens, counted by hand: q/k/v/o, scores and weighted sum, the two MLP matrices. */
    private static long layer(long t, long h, long i) {
        return 4 * t * h * h + t * t * h + t * t * h + t * h * i + t * i * h;
    }

    @Test
    void everyZooShapeIsEstimatedWithoutWeights() {
        // Published parameter counts (VisionCountsTest states their sources): ViT-B/16 86.6M, DeiT-S 22.05M,
        // CLIP B/32 151M, LLaVA-1.5-7B 7.06B.
        assertEquals(86_567_656, Estimate.of(run("model vit-b16")).before().params());
        assertEquals(22_050_664, Estimate.of(run("model deit-s16")).before().params());
        assertEquals(151_277_313, Estimate.of(run("model clip-vit-b32")).before().params());
        assertEquals(7_063_427_072L, Estimate.of(run("model llava-1.5-7b")).before().params());
        Estimate tiny = Estimate.of(run("model tiny-vit"));
        long h = 64;
        long perImage = 49L * 16 * h + 4 * layer(50, h, 256) + h * 10;
        assertEquals(perImage, tiny.before().macs());
        assertEquals(tiny.before(), tiny.low());
        assertNull(tiny.after());
    }

    @Test
    void tokenPruningSavesTheLaterBlocksWorkOnTheDroppedTokens() {
        long h = 768;
        long i = 3072;
        long dense = Estimate.of(run("model vit-b16")).before().macs();
        Estimate evit = Estimate.of(run("model vit-b16\nprune tokens { criterion cls-attention; ratio 30%; after 4 }"));
        assertTrue(evit.exact());
        assertEquals(dense, evit.before().macs());
        // 196 patches, 30% removed: round(0.7 * 196) = 137 kept, so blocks 5..12 see 138 tokens instead of 197
        assertEquals(dense - 8 * (layer(197, h, i) - layer(138, h, i)), evit.low().macs());
        assertEquals(evit.before().params(), evit.low().params());
        Estimate fused = Estimate.of(run("model vit-b16\nprune tokens { criterion cls-attention; ratio 30%; after 4; fuse true }"));
        assertEquals(dense - 8 * (layer(197, h, i) - layer(139, h, i)), fused.low().macs());
        Estimate tome = Estimate.of(run("model vit-b16\nprune tokens { criterion similarity; ratio 30%; after 4 }"));
        assertEquals(evit.low().macs(), tome.low().macs());
        // pruning earlier saves more
        Estimate early = Estimate.of(run("model vit-b16\nprune tokens { criterion cls-attention; ratio 30%; after 1 }"));
        assertTrue(early.low().macs() < evit.low().macs());
    }

    @Test
    void tokensOnlyOnViTClassifiersAndOneBlockPerExperiment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Estimate.of(run("model clip-vit-b32\nprune tokens { ratio 30%; after 4 }")));
        assertEquals("prune tokens applies to ViT classifiers, not clip-vit-b32", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Estimate.of(run(
                "model tiny-vit\nprune tokens { ratio 30%; after 1 }\nprune tokens { ratio 30%; after 2 }")));
        assertEquals("one prune tokens block per experiment, and it comes last: tokens are reduced after one block", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Estimate.of(run("model tiny-vit\nprune tokens { ratio 30%; after 4 }")));
        assertEquals("the model has 4 blocks; tokens can be pruned after block 1 to 3, not 4", e.getMessage());
    }

    @Test
    void structuredPruningShrinksTheEncoderAsVitPruneDoes() {
        // the shape VitJobTest measures after the same blocks on the shipped model: MLP 256 -> 192, 4 -> 3 blocks
        VitConfig tiny = (VitConfig) VisionZoo.shape("tiny-vit").orElseThrow();
        VitConfig shape = tiny.withTower(tiny.tower().withEncoder(tiny.tower().encoder().withIntermediate(192).withLayers(3)));
        Estimate e = Estimate.of(run("model tiny-vit\nprune neurons { criterion magnitude; ratio 25% }\nprune layers { criterion l1; count 1 }\n"
                + "prune tokens { criterion cls-attention; ratio 50%; after 1 }"));
        assertEquals(VisionCounts.of(tiny).params(), e.before().params());
        assertEquals(VisionCounts.of(shape).params(), e.low().params());
        assertEquals(VisionCounts.vit(shape, new TokenKeep(1, 0.5, false)).macsPerImage(), e.low().macs());
        Estimate heads = Estimate.of(run("model tiny-vit\nprune heads { criterion magnitude; ratio 50% }"));
        // 2 of 4 heads (16 wide) go in each of 4 blocks: their q/k/v rows and biases, their out-projection columns
        assertEquals(VisionCounts.of(tiny).params() - 4 * 2 * (3 * (16 * 64 + 16) + 64 * 16), heads.low().params());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Estimate.of(run("model tiny-vit\nprune tokens { ratio 30%; after 1 }\nprune neurons { ratio 50% }")));
        assertTrue(x.getMessage().contains("it comes last"), x.getMessage());
        x = assertThrows(IllegalArgumentException.class, () -> Estimate.of(run("model tiny-vit\nprune weights { criterion magnitude; ratio 50% }")));
        assertTrue(x.getMessage().contains("zeroed in place"), x.getMessage());
    }
}
