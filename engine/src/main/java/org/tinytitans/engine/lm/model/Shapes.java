package org.tinytitans.engine.lm.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.weights.Tensor;

/** The tensors a config implies, with their shapes; used to validate loaded and pruned models. */
public final class Shapes {
    private Shapes() {}

    public static Map<String, long[]> expected(LmConfig c) {
        boolean gpt2 = c.layout() == Layout.GPT2;
        long e = c.hidden();
        long q = (long) c.heads() * c.headDim();
        long kv = (long) c.kvHeads() * c.headDim();
        long i = c.intermediate();
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(Names.EMBED, new long[] {c.vocab(), e});
        if (gpt2) {
            m.put(Names.POS, new long[] {c.maxPositions(), e});
        }
        for (int l = 0; l < c.layers(); l++) {
            norm(m, Names.layer(l, "attn_norm"), e, gpt2);
            linear(m, Names.layer(l, "q"), q, e, gpt2);
            linear(m, Names.layer(l, "k"), kv, e, gpt2);
            linear(m, Names.layer(l, "v"), kv, e, gpt2);
            linear(m, Names.layer(l, "o"), e, q, gpt2);
            norm(m, Names.layer(l, "mlp_norm"), e, gpt2);
            if (!gpt2) {
                linear(m, Names.layer(l, "gate"), i, e, false);
            }
            linear(m, Names.layer(l, "up"), i, e, gpt2);
            linear(m, Names.layer(l, "down"), e, i, gpt2);
        }
        norm(m, Names.NORM, e, gpt2);
        if (!c.tiedEmbeddings()) {
            m.put(Names.HEAD, new long[] {c.vocab(), e});
        }
        return m;
    }

    private static void linear(Map<String, long[]> m, String module, long out, long in, boolean bias) {
        m.put(Names.w(module), new long[] {out, in});
        if (bias) {
            m.put(Names.b(module), new long[] {out});
        }
    }

    private static void norm(Map<String, long[]> m, String module, long e, boolean bias) {
        m.put(Names.w(module), new long[] {e});
        if (bias) {
            m.put(Names.b(module), new long[] {e});
        }
    }

    /** Throws naming the first tensor that is missing, unexpected or of the wrong shape. */
    public static void check(LmConfig c, Map<String, Tensor> weights) {
        Map<String, long[]> want = expected(c);
        for (Map.Entry<String, long[]> e : want.entrySet()) {
            Tensor t = weights.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException("the checkpoint lacks tensor '" + e.getKey() + "' that its config implies");
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' has shape " + t.shapeText()
                        + " but the config implies " + Arrays.toString(e.getValue()));
            }
        }
        for (String name : weights.keySet()) {
            if (!want.containsKey(name)) {
                throw new IllegalArgumentException("tensor '" + name + "' is not part of a " + c.layout() + " model with "
                        + c.layers() + " layers");
            }
        }
    }
}
