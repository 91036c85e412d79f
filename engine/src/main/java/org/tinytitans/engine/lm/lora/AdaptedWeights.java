package org.tinytitans.engine.lm.lora;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.weights.Tensor;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * A model with LoRA adapters on DJL arrays: frozen base weights, trainable A and B. Each step builds the
 * adapted weights W + scale·B·A in the step's manager and runs the lm package's {@link Transformer} on them,
 * so training needs no hook in the transformer; the gradient reaches A and B through the product.
 */
final class AdaptedWeights implements AutoCloseable {
    private final LanguageModel model;
    private final NDManager params;
    private final Map<String, NDArray> base = new HashMap<>();
    private final Map<String, NDArray> mask = new HashMap<>();
    private final Map<String, NDArray> a = new LinkedHashMap<>();
    private final Map<String, NDArray> b = new LinkedHashMap<>();
    private final float scale;

    AdaptedWeights(LanguageModel model, LoraAdapter adapter) {
        TorchRuntime.engine();
        this.model = model;
        this.scale = (float) adapter.scale();
        this.params = Devices.manager();
        for (Map.Entry<String, Tensor> e : model.weights().entrySet()) {
            base.put(e.getKey(), PtArrays.of(params, e.getValue()));
        }
        for (String name : adapter.weightNames()) {
            NDArray av = PtArrays.of(params, adapter.a(name));
            NDArray bv = PtArrays.of(params, adapter.b(name));
            av.setRequiresGradient(true);
            bv.setRequiresGradient(true);
            a.put(name, av);
            b.put(name, bv);
            float[] w = model.weights().get(name).values();
            if (adapter.keepZeros() && hasZero(w)) {
                float[] m = new float[w.length];
                for (int i = 0; i < w.length; i++) {
                    m[i] = w[i] == 0f ? 0f : 1f;
                }
                mask.put(name, PtArrays.floats(params, m, base.get(name).getShape()));
            }
        }
    }

    /** The transformer over the adapted weights; every array it makes belongs to {@code s}. */
    Transformer transformer(NDManager s) {
        Map<String, NDArray> adapted = new HashMap<>();
        NDArray k = PtArrays.scalar(s, scale);
        for (String name : a.keySet()) {
            NDArray d = b.get(name).matMul(a.get(name));
            d.attach(s); // made on B's manager; the step's manager must free it
            d = d.mul(k);
            if (mask.containsKey(name)) {
                d = d.mul(mask.get(name));
            }
            adapted.put(name, d.add(base.get(name)));
        }
        return new Transformer(model.config(), n -> adapted.containsKey(n) ? adapted.get(n) : base.get(n));
    }

    /** Logits (T, vocab) of one sequence with the adapters applied, unmerged. */
    float[][] logits(long[] ids) {
        return NoGrad.call(() -> {
            try (NDManager s = Devices.manager()) {
                float[] flat = transformer(s).logits(s, new long[][] {ids}, null, null).toFloatArray();
                int v = model.config().vocab();
                float[][] out = new float[ids.length][];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = java.util.Arrays.copyOfRange(flat, i * v, (i + 1) * v);
                }
                return out;
            }
        });
    }

    /** A and B, in a fixed order: the trainable parameters. */
    Map<String, NDArray> trainable() {
        Map<String, NDArray> t = new LinkedHashMap<>();
        for (String name : a.keySet()) {
            t.put(name + "#A", a.get(name));
            t.put(name + "#B", b.get(name));
        }
        return t;
    }

    /** The adapters' current values in plain floats. */
    LoraAdapter snapshot(LoraAdapter like) {
        Map<String, Tensor> ta = new LinkedHashMap<>();
        Map<String, Tensor> tb = new LinkedHashMap<>();
        NoGrad.run(() -> {
            for (String name : a.keySet()) {
                ta.put(name, PtArrays.tensor(a.get(name)));
                tb.put(name, PtArrays.tensor(b.get(name)));
            }
        });
        return new LoraAdapter(ta, tb, like.scale(), like.keepZeros());
    }

    private static boolean hasZero(float[] w) {
        for (float v : w) {
            if (v == 0f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        params.close();
    }
}
