package org.tinytitans.engine.lm.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.lm.model.ByteTokenizer;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.lm.model.Shapes;
import org.tinytitans.engine.weights.Tensor;

/** Small byte-level Llama-layout models built in memory for the eval and LoRA tests. */
public final class TinyLms {
    static final int HIDDEN = 8;

    private TinyLms() {}

    public static LmConfig config(int layers) {
        return new LmConfig(Layout.LLAMA, 256, HIDDEN, layers, 2, 1, 4, 12, 64, 1e-5, 10000.0, false);
    }

    /** Random matrices (N(0, std)), norms at 1. */
    public static LanguageModel random(long seed, float std) {
        return random(config(2), seed, std);
    }

    /** A GPT-2-layout model: biases, learned positions, tied head, no gate. */
    public static LanguageModel gpt2(long seed, float std) {
        return random(new LmConfig(Layout.GPT2, 256, HIDDEN, 2, 2, 2, 4, 12, 64, 1e-5, 0, true), seed, std);
    }

    /** Random matrices and biases (N(0, std)), norm scales at 1. */
    static LanguageModel random(LmConfig c, long seed, float std) {
        Random r = new Random(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : Shapes.expected(c).entrySet()) {
            float[] v = new float[size(e.getValue())];
            for (int i = 0; i < v.length; i++) {
                v[i] = e.getValue().length == 1 && !e.getKey().endsWith(".b") ? 1f : (float) (r.nextGaussian() * std);
            }
            w.put(e.getKey(), new Tensor(e.getValue(), v));
        }
        return new LanguageModel(c, w, new ByteTokenizer(), null);
    }

    /**
     * A model that predicts byte {@code certain} after anything, with log-probability about -1e-6 for it and
     * -20 for every other byte: every token embeds to the same vector, the blocks add nothing (o and down are
     * zero), so the final hidden state is all ones and only the head row of {@code certain} is non-zero.
     */
    public static LanguageModel alwaysPredicts(char certain) {
        LmConfig c = config(1);
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : Shapes.expected(c).entrySet()) {
            float[] v = new float[size(e.getValue())];
            String name = e.getKey();
            if (e.getValue().length == 1 || name.equals(Names.EMBED)) {
                Arrays.fill(v, 1f);
            } else if (name.equals(Names.HEAD)) {
                Arrays.fill(v, certain * HIDDEN, (certain + 1) * HIDDEN, 20f / HIDDEN);
            } else if (!name.endsWith(".o.w") && !name.endsWith(".down.w")) {
                Arrays.fill(v, 0.1f);
            }
            w.put(name, new Tensor(e.getValue(), v));
        }
        return new LanguageModel(c, w, new ByteTokenizer(), null);
    }

    private static int size(long[] shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        return n;
    }
}
