package org.tinytitans.engine.lm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tinytitans.engine.lm.model.LmAsserts.assertLogitsClose;
import static org.tinytitans.engine.lm.model.LmAsserts.maxDiff;
import static org.tinytitans.engine.lm.model.TinyCheckpoints.HEADS;
import static org.tinytitans.engine.lm.model.TinyCheckpoints.HEAD_DIM;
import static org.tinytitans.engine.lm.model.TinyCheckpoints.HIDDEN;
import static org.tinytitans.engine.lm.model.TinyCheckpoints.KV;
import static org.tinytitans.engine.lm.model.TinyCheckpoints.LAYERS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.weights.Tensor;

/** Hugging Face checkpoints written by the test load and match a plain-Java reference forward pass. */
public class CheckpointForwardTest {
    public static final long[] TOKENS = {72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 33};

    @TempDir
    Path tmp;

    @Test
    void llamaLogitsMatchTheReference() throws IOException {
        Map<String, Tensor> hf = TinyCheckpoints.llama(tmp, 1, "F32");
        try (LanguageModel m = LanguageModels.load(tmp)) {
            assertEquals(Layout.LLAMA, m.config().layout());
            assertLogitsClose(llamaRef(hf).logits(TOKENS, LAYERS), m.logits(TOKENS), 1e-4);
        }
    }

    @Test
    void bfloat16AndHalfCheckpointsAreWidenedByOurReader() throws IOException {
        for (String dtype : new String[] {"BF16", "F16"}) {
            Path dir = tmp.resolve(dtype);
            Map<String, Tensor> hf = TinyCheckpoints.llama(dir, 2, dtype);
            try (LanguageModel m = LanguageModels.load(dir)) {
                assertLogitsClose(llamaRef(hf).logits(TOKENS, LAYERS), m.logits(TOKENS), 1e-4);
            }
        }
    }

    @Test
    void shardedCheckpointLoadsThroughItsIndex() throws IOException {
        Map<String, Tensor> hf = TinyCheckpoints.llama(tmp, 3, "F32");
        Files.delete(tmp.resolve("model.safetensors"));
        Map<String, Tensor> a = new LinkedHashMap<>();
        Map<String, Tensor> b = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
        int i = 0;
        for (Map.Entry<String, Tensor> e : hf.entrySet()) {
            boolean first = i++ % 2 == 0;
            (first ? a : b).put(e.getKey(), e.getValue());
            index.append(i > 1 ? "," : "").append('"').append(e.getKey()).append("\": \"model-0000")
                    .append(first ? 1 : 2).append("-of-00002.safetensors\"");
        }
        LmSafetensors.write(tmp.resolve("model-00001-of-00002.safetensors"), a, "F32");
        LmSafetensors.write(tmp.resolve("model-00002-of-00002.safetensors"), b, "BF16");
        Files.writeString(tmp.resolve("model.safetensors.index.json"), index.append("}}").toString());
        try (LanguageModel m = LanguageModels.load(tmp)) {
            assertEquals(hf.values().stream().mapToLong(t -> t.values().length).sum(), m.paramCount());
            float[][] got = m.logits(TOKENS);
            assertEquals(TOKENS.length, got.length);
            assertTrue(Double.isFinite(got[3][7]));
        }
    }

    @Test
    void gpt2LogitsMatchTheReference() throws IOException {
        Map<String, Tensor> hf = TinyCheckpoints.gpt2(tmp, 4);
        try (LanguageModel m = LanguageModels.load(tmp)) {
            assertEquals(Layout.GPT2, m.config().layout());
            RefLm ref = new RefLm(hf, true, HIDDEN, HEADS, HEADS, HIDDEN / HEADS, 1e-5);
            assertLogitsClose(ref.logits(TOKENS, LAYERS), m.logits(TOKENS), 1e-4);
        }
    }

    @Test
    void attentionIsCausal() throws IOException {
        TinyCheckpoints.llama(tmp, 5, "F32");
        try (LanguageModel m = LanguageModels.load(tmp)) {
            long[] changed = TOKENS.clone();
            changed[8] = 3;
            float[][] a = m.logits(TOKENS);
            float[][] b = m.logits(changed);
            assertEquals(0.0, maxDiff(java.util.Arrays.copyOf(a, 8), java.util.Arrays.copyOf(b, 8)));
            assertTrue(maxDiff(a, b) > 1e-3, "a later token must change later logits");
        }
    }

    @Test
    void kvCacheGenerationMatchesFullPasses() throws IOException {
        for (boolean gpt2 : new boolean[] {false, true}) {
            Path dir = tmp.resolve(gpt2 ? "g" : "l");
            if (gpt2) {
                TinyCheckpoints.gpt2(dir, 6);
            } else {
                TinyCheckpoints.llama(dir, 6, "F32");
            }
            try (LanguageModel m = LanguageModels.load(dir)) {
                Generation.Result r = Generation.greedy(m, "Hi", 10);
                assertEquals(10, r.newTokens());
                long[] seq = r.tokens();
                float[][] full = m.logits(java.util.Arrays.copyOf(seq, seq.length - 1));
                for (int i = 1; i < seq.length - 1; i++) {
                    assertEquals(argmax(full[i]), seq[i + 1], "greedy token after position " + i + " (gpt2=" + gpt2 + ")");
                }
                assertTrue(r.tokensPerSecond() > 0);
            }
        }
    }

    @Test
    void saveAndReloadKeepsLogitsAndHuggingFaceNames() throws IOException {
        Map<String, Tensor> hf = TinyCheckpoints.gpt2(tmp.resolve("in"), 7);
        try (LanguageModel m = LanguageModels.load(tmp.resolve("in"))) {
            m.save(tmp.resolve("out"));
            Map<String, Tensor> written = org.tinytitans.engine.weights.Safetensors.read(tmp.resolve("out/model.safetensors"));
            assertEquals(hf.keySet(), written.keySet());
            assertEquals(0.0, maxDiff2(hf.get("h.1.attn.c_attn.weight"), written.get("h.1.attn.c_attn.weight")));
            try (LanguageModel back = LanguageModels.load(tmp.resolve("out"))) {
                assertEquals(0.0, maxDiff(m.logits(TOKENS), back.logits(TOKENS)));
            }
        }
    }

    @Test
    void badCheckpointsSayWhatIsWrong() throws IOException {
        IOException none = assertThrows(IOException.class, () -> LanguageModels.load(tmp.resolve("absent")));
        assertTrue(none.getMessage().contains("absent"), none.getMessage());
        Map<String, Tensor> hf = TinyCheckpoints.llama(tmp, 8, "F32");
        hf.remove("model.layers.2.mlp.up_proj.weight");
        LmSafetensors.write(tmp.resolve("model.safetensors"), hf, "F32");
        IOException missing = assertThrows(IOException.class, () -> LanguageModels.load(tmp));
        assertTrue(missing.getMessage().contains("layers.2.up.w"), missing.getMessage());
    }

    @Test
    void tokenizerJsonIsUsedWhenPresent() throws IOException {
        TinyCheckpoints.llama(tmp, 9, "F32");
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,"
                + "\"added_tokens\":[],\"normalizer\":null,\"pre_tokenizer\":{\"type\":\"Whitespace\"},\"post_processor\":null,"
                + "\"decoder\":null,\"model\":{\"type\":\"WordLevel\",\"vocab\":{\"in\":0,\"the\":1,\"beginning\":2,\"[UNK]\":3},"
                + "\"unk_token\":\"[UNK]\"}}");
        try (LanguageModel m = LanguageModels.load(tmp)) {
            assertEquals("tokenizer.json", m.tokenizer().kind());
            assertEquals(java.util.List.of(0L, 1L, 2L, 3L), boxed(m.tokenizer().encode("in the beginning God")));
            m.save(tmp.resolve("copy"));
            assertTrue(Files.isRegularFile(tmp.resolve("copy/tokenizer.json")));
        }
    }

    static RefLm llamaRef(Map<String, Tensor> hf) {
        return new RefLm(hf, false, HIDDEN, HEADS, KV, HEAD_DIM, 1e-5);
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double maxDiff2(Tensor a, Tensor b) {
        double w = 0;
        for (int i = 0; i < a.values().length; i++) {
            w = Math.max(w, Math.abs(a.values()[i] - b.values()[i]));
        }
        return w;
    }

    private static java.util.List<Long> boxed(long[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
