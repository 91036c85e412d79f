package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.vit.TokenKeep;
import org.tinytitans.engine.vit.TokenMerge;
import org.tinytitans.engine.vit.VisionCounts;
import org.tinytitans.engine.vit.VisionZoo;
import org.tinytitans.engine.vit.VitConfig;

/** Specs with a `vit` model run through SpecJob: the shipped tiny ViT on the shipped MNIST digits, and a random-init shape. */
class VitJobTest {
    static final Path SAMPLES = SpecJobTest.SAMPLES;
    static final VitConfig TINY = (VitConfig) VisionZoo.shape("tiny-vit").orElseThrow();

    @TempDir
    Path dir;

    private JsonObject experiment(String spec) throws IOException {
        Path file = Files.writeString(dir.resolve("v.prune"), spec.replace("$MODEL", SAMPLES.resolve("models/tiny-vit").toString())
                .replace("$DATA", SAMPLES.resolve("data/mnist").toString()));
        SpecJobTest.Run run = new SpecJobTest().run(file, JobOptions.defaults());
        return run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
    }

    private static JsonArray ints(int... v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    @Test
    void evitWithFusionOnTheShippedModel() throws IOException {
        JsonObject x = experiment("""
                experiment evit {
                  model tiny-vit { weights "$MODEL" }
                  dataset mnist { path "$DATA"; batch 256 }
                  prune tokens { criterion cls-attention; ratio 50%; after 1; fuse true }
                  measure flops, params, accuracy, latency, carbon
                  latency { batch 64; runs 5; warmup 1 }
                  expect flops <= 70%
                  expect accuracy drop <= 0.1%
                }
                """);
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        assertEquals(ints(50, 50, 50, 50), b.getAsJsonArray("tokens_per_block"));
        // 49 patches, half removed: round(24.5) = 25 kept, CLS and the fused token: 27
        assertEquals(ints(50, 27, 27, 27), p.getAsJsonArray("tokens_per_block"));
        assertEquals(VisionCounts.of(TINY).macsPerImage(), b.get("flops").getAsLong());
        assertEquals(VisionCounts.vit(TINY, new TokenKeep(1, 0.5, true)).macsPerImage(), p.get("flops").getAsLong());
        assertEquals(b.get("params").getAsLong(), p.get("params").getAsLong());
        assertEquals(2004, b.get("samples").getAsInt());
        assertTrue(b.get("accuracy").getAsDouble() > 0.8, b.toString());
        double pruned = p.get("accuracy").getAsDouble();
        assertTrue(pruned > 0.3 && pruned < b.get("accuracy").getAsDouble() + 0.05, p.toString());
        assertTrue(b.getAsJsonObject("latency_ms").get("p50").getAsDouble() > 0);
        assertTrue(p.getAsJsonObject("latency_ms").get("p50").getAsDouble() > 0);
        assertEquals(27, x.getAsJsonObject("tokens").get("tokens_after").getAsInt());
        assertTrue(x.getAsJsonObject("energy").get("total_wh").getAsDouble() > 0);
        JsonArray verdicts = x.getAsJsonArray("expectations");
        assertTrue(verdicts.get(0).getAsJsonObject().get("passed").getAsBoolean(), verdicts.toString());
    }

    @Test
    void tomeOnARandomInitShapeNeedsNoWeightsOrData() throws IOException {
        JsonObject x = experiment("""
                experiment tome {
                  model tiny-vit
                  prune tokens { criterion similarity; ratio 75%; after 2 }
                  measure flops, params
                }
                """);
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        // 49 patches, 75% merged away: round(12.25) = 12 left, and CLS
        assertEquals(ints(50, 50, 13, 13), x.getAsJsonObject("pruned").getAsJsonArray("tokens_per_block"));
        assertEquals(VisionCounts.vit(TINY, new TokenMerge(2, 0.25)).macsPerImage(), x.getAsJsonObject("pruned").get("flops").getAsLong());
        assertTrue(x.getAsJsonArray("notes").toString().contains("random init"), x.toString());
    }

    @Test
    void neuronsAndLayersArePhysicallyRemovedBeforeTokens() throws IOException {
        JsonObject x = experiment("""
                experiment structured {
                  model tiny-vit { weights "$MODEL" }
                  dataset mnist { path "$DATA"; batch 256 }
                  prune neurons { criterion magnitude; ratio 25% }
                  prune layers { criterion l1; count 1 }
                  prune tokens { criterion cls-attention; ratio 50%; after 1 }
                  measure flops, params, accuracy, latency
                  latency { batch 16; runs 3; warmup 1 }
                }
                """);
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        // MLP 256 -> 192 in every block, then one of the 4 blocks goes
        VitConfig shape = TINY.withTower(TINY.tower().withEncoder(new org.tinytitans.engine.vit.EncoderConfig(64, 3, 4, 192, 1e-12,
                TINY.tower().encoder().act())));
        assertEquals(VisionCounts.of(TINY).params(), b.get("params").getAsLong());
        assertEquals(VisionCounts.of(shape).params(), p.get("params").getAsLong());
        assertEquals(p.get("params").getAsLong(), p.get("nonzero_params").getAsLong());
        assertEquals(VisionCounts.vit(shape, new TokenKeep(1, 0.5, false)).macsPerImage(), p.get("flops").getAsLong());
        assertEquals(ints(50, 26, 26), p.getAsJsonArray("tokens_per_block"));
        assertEquals(3, x.getAsJsonObject("encoder").get("blocks_after").getAsInt());
        assertEquals(192, x.getAsJsonObject("encoder").get("mlp_hidden_after").getAsInt());
        double acc = p.get("accuracy").getAsDouble();
        assertTrue(acc >= 0 && acc < b.get("accuracy").getAsDouble() + 0.05, p.toString());
        assertTrue(p.getAsJsonObject("latency_ms").get("p50").getAsDouble() > 0);
    }

    @Test
    void headsByMagnitudeShrinkTheAttention() throws IOException {
        JsonObject x = experiment("""
                experiment heads {
                  model tiny-vit { weights "$MODEL" }
                  dataset mnist { path "$DATA"; batch 512 }
                  prune heads { criterion magnitude; ratio 25% }
                  measure flops, params, accuracy
                }
                """);
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        VitConfig shape = TINY.withTower(TINY.tower().withEncoder(TINY.tower().encoder().withHeads(3)));
        JsonObject p = x.getAsJsonObject("pruned");
        // 1 of 4 heads (16 of 64 attention rows) per block: 4 x (3 x (16 x 64 + 16) + 64 x 16) parameters fewer
        assertEquals(VisionCounts.of(TINY).params() - 4 * (3 * (16 * 64 + 16) + 64 * 16), p.get("nonzero_params").getAsLong());
        assertEquals(VisionCounts.of(shape).macsPerImage(), p.get("flops").getAsLong());
        assertEquals(3, x.getAsJsonObject("encoder").get("heads_after").getAsInt());
        assertTrue(p.has("accuracy"), p.toString());
    }

    @Test
    void twoOfFourWeightsKeepTheShapeAndHalveTheEncoderNonzeros() throws IOException {
        JsonObject x = experiment("""
                experiment sparse {
                  model tiny-vit { weights "$MODEL" }
                  dataset mnist { path "$DATA"; batch 512 }
                  prune weights { criterion magnitude; pattern 2:4 }
                  measure flops, params, accuracy
                }
                """);
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        assertEquals(b.get("params").getAsLong(), p.get("params").getAsLong());
        assertEquals(b.get("flops").getAsLong(), p.get("flops").getAsLong());
        // half of 4 blocks x (4 x 64x64 + 2 x 64x256) encoder weights
        assertEquals(b.get("nonzero_params").getAsLong() - 98_304, p.get("nonzero_params").getAsLong());
        assertTrue(p.get("sparsity").getAsDouble() > 0.4, p.toString());
        assertTrue(p.has("accuracy"), p.toString());
    }
}
