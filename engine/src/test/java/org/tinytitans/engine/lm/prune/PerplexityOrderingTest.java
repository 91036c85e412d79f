package org.tinytitans.engine.lm.prune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LanguageModels;
import org.tinytitans.language.resolve.Granularity;

/**
 * The ordering docs/language-models.md reports on the shipped tiny LM, as a job computes it (32 calibration
 * windows of 128 tokens, perplexity on 64 KiB of held-out text): at 50% unstructured sparsity, Wanda and
 * SparseGPT lose less perplexity than magnitude, SparseGPT least, and each is worse than the dense model.
 */
class PerplexityOrderingTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../samples").normalize();

    @Test
    void wandaAndSparseGptBeatMagnitudeAtHalfSparsity() throws Exception {
        String kjv = Files.readString(SAMPLES.resolve("data/kjv.txt"));
        try (LanguageModel dense = LanguageModels.load(SAMPLES.resolve("models/tiny-lm"))) {
            Calibration calibration = Calibration.fromText(dense.tokenizer(), kjv, 128, 32);
            double base = Perplexity.of(dense, kjv, 128, 512 * 128);
            double magnitude = perplexity(LmPruning.apply(dense, Granularity.WEIGHTS, LmCriterion.MAGNITUDE, 0.5, 0, null, null, 0), kjv);
            double wanda = perplexity(LmPruning.apply(dense, Granularity.WEIGHTS, LmCriterion.WANDA, 0.5, 0, null, calibration, 0), kjv);
            double sparsegpt = perplexity(LmPruning.apply(dense, Granularity.WEIGHTS, LmCriterion.SPARSEGPT, 0.5, 0, null, calibration, 0), kjv);
            String all = "dense " + base + ", magnitude " + magnitude + ", wanda " + wanda + ", sparsegpt " + sparsegpt;
            assertTrue(base < sparsegpt && sparsegpt < wanda && wanda < magnitude, all);
        }
    }

    static double perplexity(LanguageModel m, String text) throws Exception {
        try (m) {
            return Perplexity.of(m, text, 128, 512 * 128);
        }
    }
}
