package org.tinytitans.engine.lm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.prune.LmCriterion;
import org.tinytitans.engine.lm.prune.LmPruning;
import org.tinytitans.language.resolve.Granularity;

/** The model shipped in samples/ runs the tutorial's LLM recipe offline with meaningful perplexity. */
class ShippedTinyLmTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../samples").normalize();

    @Test
    void tutorialRecipeOnTheShippedModel() throws Exception {
        Path dir = SAMPLES.resolve("models/tiny-lm");
        Path text = SAMPLES.resolve("data/kjv.txt");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("model.safetensors")) && Files.isRegularFile(text),
                "shipped tiny-lm or kjv.txt absent");
        assertTrue(Files.size(dir.resolve("model.safetensors")) < 3_000_000);
        String kjv = Files.readString(text).substring(0, 40_000);
        try (LanguageModel dense = LanguageModels.load(dir)) {
            assertEquals(Layout.LLAMA, dense.config().layout());
            double ppl = Perplexity.of(dense, kjv, 128, 16_384);
            // held-out text; a byte model that learned nothing scores 256, unigram statistics about 20
            assertTrue(ppl > 1.5 && ppl < 6, "dense perplexity " + ppl);
            LanguageModel shallow = LmPruning.apply(dense, Granularity.LAYERS, LmCriterion.RANDOM, 0.3, 0, null, null, 0);
            LanguageModel narrow = LmPruning.apply(shallow, Granularity.NEURONS, LmCriterion.RANDOM, 0.25, 0, null, null, 42);
            assertEquals(dense.config().layers() - (int) (0.3 * dense.config().layers()), narrow.config().layers());
            assertEquals(dense.config().intermediate() - (int) (0.25 * dense.config().intermediate()), narrow.config().intermediate());
            assertEquals(narrow.config().paramCount(), narrow.paramCount());
            double pruned = Perplexity.of(narrow, kjv, 128, 16_384);
            assertTrue(pruned > ppl && Double.isFinite(pruned), "pruned " + pruned + " vs dense " + ppl);
            Generation.Result g = Generation.greedy(dense, "And Jesus said unto them, ", 24);
            assertTrue(g.text().chars().allMatch(ch -> ch == '\n' || (ch >= 32 && ch < 127)), g.text());
        }
    }
}
