package org.tinytitans.engine.lm.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LanguageModels;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.eval.TinyLms;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.weights.Tensor;

/** LoRA starts at the base model, merging reproduces the adapted model, and training lowers the loss. */
class LoraTest {
    static final String TEXT = "abcd efgh abcd efgh ".repeat(20);
    static final long[] PROBE = new long[] {'a', 'b', 'c', 'd', ' ', 'e', 'f', 'g', 'h', ' ', 'a', 'b'};

    @TempDir
    Path tmp;

    static LoraConfig config(int steps, List<String> targets) {
        return new LoraConfig(4, 8, targets, steps, 1e-2, 16, 3);
    }

    static float maxAbsDiff(float[][] x, float[][] y) {
        float d = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                d = Math.max(d, Math.abs(x[i][j] - y[i][j]));
            }
        }
        return d;
    }

    @Test
    void theUpdateIsZeroAtInitialisation() {
        try (LanguageModel base = TinyLms.random(11, 0.3f)) {
            LoraAdapter fresh = LoraAdapter.init(base, config(0, List.of()));
            assertEquals(2 * 7, fresh.weightNames().size());
            for (String name : fresh.weightNames()) {
                assertTrue(nonZero(fresh.a(name)) > 0, "A of " + name + " is random");
                assertEquals(0, nonZero(fresh.delta(name)), "B·A of " + name);
            }
            assertEquals(0f, maxAbsDiff(base.logits(PROBE), Lora.adaptedLogits(base, fresh, PROBE)), 1e-6f);
            try (LanguageModel merged = fresh.merge(base)) {
                for (String name : base.weights().keySet()) {
                    assertArrayEquals(base.tensor(name).values(), merged.tensor(name).values(), 0f, name);
                }
            }
        }
    }

    @Test
    void mergingReproducesTheAdaptedModelsLogitsAndSavesPlainWeights() throws Exception {
        try (LanguageModel base = TinyLms.random(12, 0.3f)) {
            Lora.Training t = Lora.train(base, TEXT, config(6, List.of("q_proj", "v", "down")), Progress.NONE);
            LoraAdapter adapter = t.adapter();
            assertEquals(List.of("layers.0.q.w", "layers.0.v.w", "layers.0.down.w", "layers.1.q.w", "layers.1.v.w", "layers.1.down.w"),
                    new ArrayList<>(adapter.weightNames()));
            float[][] adapted = Lora.adaptedLogits(base, adapter, PROBE);
            assertTrue(maxAbsDiff(adapted, base.logits(PROBE)) > 1e-2f, "six steps moved the model");
            try (LanguageModel merged = adapter.merge(base)) {
                assertTrue(maxAbsDiff(adapted, merged.logits(PROBE)) < 1e-4f, "merged " + maxAbsDiff(adapted, merged.logits(PROBE)));
                assertEquals(base.paramCount(), merged.paramCount());
                assertArrayEquals(base.tensor("layers.0.k.w").values(), merged.tensor("layers.0.k.w").values(), 0f);
                merged.save(tmp.resolve("recovered"));
                try (LanguageModel loaded = LanguageModels.load(tmp.resolve("recovered"))) {
                    assertEquals(base.weights().keySet(), loaded.weights().keySet());
                    assertTrue(maxAbsDiff(adapted, loaded.logits(PROBE)) < 1e-4f);
                }
            }
        }
    }

    @Test
    void aFewStepsOnARepetitiveTextLowerTheLoss() {
        try (LanguageModel base = TinyLms.random(13, 0.3f)) {
            List<String> phases = new ArrayList<>();
            LoraConfig c = config(40, LoraConfig.ALL);
            LanguageModel tuned = Lora.finetune(base, TEXT, c, (phase, done, total, detail) -> {
                if (done == total) {
                    phases.add(phase + " " + done + "/" + total + " " + detail);
                }
            });
            long[] tokens = base.tokenizer().encode(TEXT);
            double before = Perplexity.meanLoss(base, tokens, 16, 0);
            double after = Perplexity.meanLoss(tuned, tokens, 16, 0);
            assertTrue(after < before - 0.5, "loss " + before + " -> " + after);
            assertEquals(1, phases.size());
            assertTrue(phases.get(0).startsWith("lora 40/40 loss "), phases.get(0));
            tuned.close();
        }
    }

    @Test
    void zerosOfAPrunedWeightStayZeroAndTheMergeStillMatches() {
        try (LanguageModel dense = TinyLms.random(14, 0.3f)) {
            Map<String, Tensor> w = new LinkedHashMap<>(dense.weights());
            float[] q = dense.tensor("layers.0.q.w").values().clone();
            for (int i = 0; i < q.length; i += 2) {
                q[i] = 0f;
            }
            w.put("layers.0.q.w", new Tensor(dense.tensor("layers.0.q.w").shape(), q));
            try (LanguageModel sparse = dense.with(dense.config(), w)) {
                LoraAdapter adapter = Lora.train(sparse, TEXT, config(6, List.of("q")), Progress.NONE).adapter();
                try (LanguageModel merged = adapter.merge(sparse)) {
                    float[] m = merged.tensor("layers.0.q.w").values();
                    for (int i = 0; i < m.length; i++) {
                        assertEquals(i % 2 == 0, m[i] == 0f, "element " + i);
                    }
                    assertTrue(maxAbsDiff(Lora.adaptedLogits(sparse, adapter, PROBE), merged.logits(PROBE)) < 1e-4f);
                }
            }
        }
    }

    @Test
    void gpt2AdaptsEveryProjectionItHasByDefaultAndRejectsAGateAskedFor() {
        try (LanguageModel base = TinyLms.gpt2(16, 0.3f)) {
            LoraAdapter adapter = Lora.train(base, TEXT, config(4, List.of()), Progress.NONE).adapter();
            assertEquals(2 * 6, adapter.weightNames().size());
            assertTrue(adapter.weightNames().stream().noneMatch(n -> n.contains("gate")));
            try (LanguageModel merged = adapter.merge(base)) {
                float[][] adapted = Lora.adaptedLogits(base, adapter, PROBE);
                assertTrue(maxAbsDiff(adapted, base.logits(PROBE)) > 1e-3f);
                assertTrue(maxAbsDiff(adapted, merged.logits(PROBE)) < 1e-4f);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LoraAdapter.init(base, config(1, List.of("q", "gate"))));
            assertEquals("LoRA target 'gate' does not exist in a GPT2 model (no tensor layers.0.gate.w)", e.getMessage());
        }
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(1, List.of("qkv")));
        assertEquals("unknown LoRA target 'qkv'; use q, k, v, o, gate, up, down", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoraConfig(0, 8, List.of(), 1, 1e-3, 16, 0));
        try (LanguageModel base = TinyLms.random(15, 0.3f)) {
            e = assertThrows(IllegalArgumentException.class, () -> Lora.train(base, "too short", config(1, List.of()), Progress.NONE));
            assertEquals("the fine-tuning text has 9 tokens; LoRA with seq-len 16 needs at least 18", e.getMessage());
        }
    }

    private static int nonZero(Tensor t) {
        int n = 0;
        for (float v : t.values()) {
            n += v != 0f ? 1 : 0;
        }
        return n;
    }
}
