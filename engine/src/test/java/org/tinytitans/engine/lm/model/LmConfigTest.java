package org.tinytitans.engine.lm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmConfigTest {
    /** Llama-3.2-1B's published config.json, the tutorial's model. */
    static final String LLAMA_32_1B = "{\"model_type\": \"llama\", \"vocab_size\": 128256, \"hidden_size\": 2048,"
            + " \"num_hidden_layers\": 16, \"num_attention_heads\": 32, \"num_key_value_heads\": 8, \"head_dim\": 64,"
            + " \"intermediate_size\": 8192, \"max_position_embeddings\": 131072, \"rms_norm_eps\": 1e-5,"
            + " \"rope_theta\": 500000.0, \"tie_word_embeddings\": true}";

    @TempDir
    Path tmp;

    @Test
    void llama32OneBillionCountsMatchTheTutorial() {
        LmConfig dense = LmConfig.fromJson(JsonParser.parseString(LLAMA_32_1B).getAsJsonObject());
        assertEquals(1_235_814_400L, dense.paramCount());
        LmConfig twelve = dense.withLayers(dense.layers() - (int) (0.3 * dense.layers()));
        assertEquals(12, twelve.layers());
        assertEquals(992_528_384L, twelve.paramCount());
        LmConfig narrow = twelve.withIntermediate(dense.intermediate() - (int) (0.25 * dense.intermediate()));
        assertEquals(841_533_440L, narrow.paramCount());
    }

    @Test
    void llama3RopeScalingIsReadAndRoundTrips() {
        String json = LLAMA_32_1B.replace("\"tie_word_embeddings\": true}", "\"tie_word_embeddings\": true, \"rope_scaling\": "
                + "{\"factor\": 32.0, \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0, "
                + "\"original_max_position_embeddings\": 8192, \"rope_type\": \"llama3\"}}");
        LmConfig c = LmConfig.fromJson(JsonParser.parseString(json).getAsJsonObject());
        RopeScaling s = c.ropeScaling();
        assertEquals(1.0, s.apply(1.0));                     // wavelength 6.3 tokens: kept
        double slow = Math.pow(500000.0, -62.0 / 64);         // wavelength ~2e6 tokens: divided by the factor
        assertEquals(slow / 32, s.apply(slow), 1e-15);
        double mid = 2 * Math.PI / 4096;                      // between 2048 and 8192 tokens: blended
        assertEquals((1 - 1.0 / 3) * mid / 32 + mid / 3, s.apply(mid), 1e-12);
        assertEquals(c, LmConfig.fromJson(c.toJson()));
    }

    @Test
    void gpt2SmallHasItsKnownCount() {
        LmConfig gpt2 = LmConfig.fromJson(JsonParser.parseString("{\"model_type\": \"gpt2\", \"vocab_size\": 50257,"
                + " \"n_embd\": 768, \"n_layer\": 12, \"n_head\": 12, \"n_positions\": 1024}").getAsJsonObject());
        assertEquals(124_439_808L, gpt2.paramCount());
    }

    @Test
    void analyticCountEqualsTheTensorsOfBothLayouts() throws Exception {
        try (LanguageModel l = TinyModels.llama(tmp.resolve("l"), 1); LanguageModel g = TinyModels.gpt2(tmp.resolve("g"), 1)) {
            assertEquals(l.config().paramCount(), l.paramCount());
            assertEquals(g.config().paramCount(), g.paramCount());
        }
    }

    @Test
    void macsPerTokenCountsMatricesAndAttention() {
        LmConfig c = new LmConfig(Layout.LLAMA, 10, 4, 2, 2, 1, 2, 6, 64, 1e-5, 1e4, true);
        // per layer: q 4x4 + k,v 4x2 each + o 4x4 + mlp 3x4x6, plus 2*heads*d per cached position; head 10x4
        assertEquals(2 * (16 + 16 + 16 + 72) + 40, c.macsPerToken(0));
        assertEquals(2 * (16 + 16 + 16 + 72 + 2 * 4 * 5) + 40, c.macsPerToken(5));
    }

    @Test
    void inconsistentConfigsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LmConfig(Layout.LLAMA, 10, 4, 2, 3, 2, 2, 6, 64, 1e-5, 1e4, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LmConfig.fromJson(JsonParser.parseString("{\"model_type\": \"bert\"}").getAsJsonObject()));
        assertEquals("model_type 'bert' is not supported; use a gpt2 or llama layout", e.getMessage());
    }
}
