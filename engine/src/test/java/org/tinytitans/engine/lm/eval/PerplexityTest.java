package org.tinytitans.engine.lm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.TinyModels;
import org.tinytitans.engine.lm.model.Generation;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.lm.prune.ActivationStats;

class PerplexityTest {
    @TempDir
    Path tmp;

    @Test
    void aModelWithZeroLogitsHasThePerplexityOfItsVocabulary() throws Exception {
        LanguageModel base = TinyModels.llama(tmp, 1);
        LanguageModel flat = TinyModels.set(base, Names.HEAD, TinyModels.zeros(base.tensor(Names.HEAD)));
        assertEquals(256.0, Perplexity.of(flat, "And God said, Let there be light: and there was light.", 16, 0), 1e-3);
    }

    @Test
    void perplexityIsExpOfTheMeanCrossEntropyOfTheWindows() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 2);
        String text = "And God saw the light, that it was good: and God divided the light from the darkness.";
        long[] ids = m.tokenizer().encode(text);
        float[][] logits = m.logits(java.util.Arrays.copyOf(ids, 20));
        double nll = 0;
        for (int t = 0; t < 20; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[t]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : logits[t]) {
                sum += Math.exp(v - max);
            }
            nll += -(logits[t][(int) ids[t + 1]] - max - Math.log(sum));
        }
        // maxTokens 21 gives exactly one window of 20 predictions
        assertEquals(Math.exp(nll / 20), Perplexity.of(m, text, 20, 21), 1e-3 * Math.exp(nll / 20));
        assertThrows(IllegalArgumentException.class, () -> Perplexity.of(m, "short", 20, 0));
    }

    @Test
    void generationReportsThroughputAndLeavesNothingOnTheModelsManager() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 3);
        Generation.Result r = Generation.generate(m, "In the beginning", 16, 0.7, 0.9, 42);
        Perplexity.of(m, "And God called the light Day, and the darkness he called Night.", 16, 0);
        ActivationStats.collect(m, TinyModels.calibration(m), true);
        assertEquals(m.weights().size(), m.liveArrays());
        assertEquals(16, r.newTokens());
        assertTrue(r.tokensPerSecond() > 0);
        assertEquals(r.tokens().length, m.tokenizer().encode("In the beginning").length + 16);
    }
}
