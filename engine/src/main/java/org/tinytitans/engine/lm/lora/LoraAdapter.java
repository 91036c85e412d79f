package org.tinytitans.engine.lm.lora;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.weights.Tensor;

/**
 * LoRA adapters in plain floats: for each adapted weight W (out, in), A (rank, in) and B (out, rank); the
 * adapted weight is W + scale·B·A (masked to W's non-zeros when zeros are kept). Initialised as PEFT does:
 * A uniform in ±1/sqrt(in) (Kaiming-uniform with a = sqrt 5), B zero, so training starts from the base model.
 */
public final class LoraAdapter {
    private final Map<String, Tensor> a;
    private final Map<String, Tensor> b;
    private final double scale;
    private final boolean keepZeros;

    LoraAdapter(Map<String, Tensor> a, Map<String, Tensor> b, double scale, boolean keepZeros) {
        this.a = Collections.unmodifiableMap(new LinkedHashMap<>(a));
        this.b = Collections.unmodifiableMap(new LinkedHashMap<>(b));
        this.scale = scale;
        this.keepZeros = keepZeros;
    }

    /** Fresh adapters on every layer's target projections; fails naming a target the layout lacks. */
    public static LoraAdapter init(LanguageModel model, LoraConfig config) {
        Random random = new Random(config.seed());
        Map<String, Tensor> a = new LinkedHashMap<>();
        Map<String, Tensor> b = new LinkedHashMap<>();
        boolean every = config.targets().isEmpty();
        for (int l = 0; l < model.config().layers(); l++) {
            for (String target : every ? LoraConfig.ALL : config.targets()) {
                String name = Names.w(Names.layer(l, target));
                Tensor w = model.weights().get(name);
                if (w == null && every) {
                    continue;
                }
                if (w == null) {
                    throw new IllegalArgumentException("LoRA target '" + target + "' does not exist in a "
                            + model.config().layout() + " model (no tensor " + name + ")");
                }
                int out = (int) w.shape()[0];
                int in = (int) w.shape()[1];
                float bound = (float) (1 / Math.sqrt(in));
                float[] av = new float[config.rank() * in];
                for (int i = 0; i < av.length; i++) {
                    av[i] = (random.nextFloat() * 2 - 1) * bound;
                }
                a.put(name, new Tensor(new long[] {config.rank(), in}, av));
                b.put(name, new Tensor(new long[] {out, config.rank()}, new float[out * config.rank()]));
            }
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("the model has no layers to adapt");
        }
        return new LoraAdapter(a, b, config.scale(), config.keepZeros());
    }

    /** Engine names of the adapted weights, e.g. layers.0.q.w. */
    public java.util.Set<String> weightNames() { return a.keySet(); }

    public Tensor a(String name) { return a.get(name); }

    public Tensor b(String name) { return b.get(name); }

    public double scale() { return scale; }

    public boolean keepZeros() { return keepZeros; }

    /** scale·B·A for one weight, before masking. */
    public Tensor delta(String name) {
        Tensor ta = a.get(name);
        Tensor tb = b.get(name);
        int rank = (int) ta.shape()[0];
        int in = (int) ta.shape()[1];
        int out = (int) tb.shape()[0];
        float[] av = ta.values();
        float[] bv = tb.values();
        float[] d = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int r = 0; r < rank; r++) {
                float f = bv[o * rank + r];
                if (f == 0f) {
                    continue;
                }
                for (int i = 0; i < in; i++) {
                    d[o * in + i] += f * av[r * in + i];
                }
            }
        }
        for (int i = 0; i < d.length; i++) {
            d[i] *= (float) scale;
        }
        return new Tensor(new long[] {out, in}, d);
    }

    /** The base model with W += scale·B·A folded in: plain weights, same config and tokenizer. */
    public LanguageModel merge(LanguageModel base) {
        Map<String, Tensor> weights = new LinkedHashMap<>(base.weights());
        for (String name : a.keySet()) {
            Tensor w = base.tensor(name);
            float[] d = delta(name).values();
            float[] v = w.values().clone();
            for (int i = 0; i < v.length; i++) {
                if (!keepZeros || v[i] != 0f) {
                    v[i] += d[i];
                }
            }
            weights.put(name, new Tensor(w.shape().clone(), v));
        }
        return base.with(base.config(), weights);
    }
}
