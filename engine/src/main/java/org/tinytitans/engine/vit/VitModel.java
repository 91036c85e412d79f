package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Inference;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.weights.Tensor;

/** A ViT/DeiT image classifier: the tower, the final LayerNorm over every token, and the head on the CLS token. */
public final class VitModel implements MultimodalModel {
    private final VitConfig config;
    private final TensorStore store;

    /** {@code weights} under {@link VisionNames}; checked against the config. */
    public VitModel(VitConfig config, Map<String, Tensor> weights) {
        ShapeCheck.check(config, weights);
        this.config = config;
        this.store = new TensorStore(weights);
    }

    /** A model over a live store (see {@link TensorStore#live}), for training; shapes are the caller's to get right. */
    VitModel(VitConfig config, TensorStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public VitConfig config() { return config; }

    public Map<String, Tensor> weights() { return store.weights(); }

    @Override
    public long paramCount() { return store.paramCount(); }

    /** Final hidden states (B, tokens, hidden) of images (B, C, H, W) owned by {@code s}. */
    public NDArray hidden(NDManager s, NDArray pixels) {
        VisionTower t = config.tower();
        NDArray x = Encoder.tower(s, t, store, "", pixels, t.encoder().layers());
        return Encoder.norm(x, store, "norm", t.encoder().normEps());
    }

    /**
     * Final hidden states with token pruning: every token through the first {@code plan.afterBlock()} blocks, then
     * the tokens the plan leaves (EViT's kept and fused tokens, or ToMe's merged ones) through the rest.
     * (B, tokens left, hidden).
     */
    public NDArray hidden(NDManager s, NDArray pixels, TokenPlan plan) {
        VisionTower t = config.tower();
        plan.check(t);
        NDArray x = Encoder.embed(s, t, store, "", pixels);
        NDArray[] probe = new NDArray[2];
        for (int l = 0; l < plan.afterBlock(); l++) {
            x = Encoder.layer(x, t.encoder(), store, "", l, null, l == plan.afterBlock() - 1 ? probe : null);
        }
        x = TokenSelection.apply(s, x, probe[0], probe[1], plan);
        for (int l = plan.afterBlock(); l < t.encoder().layers(); l++) {
            x = Encoder.layer(x, t.encoder(), store, "", l, null, null);
        }
        return Encoder.norm(x, store, "norm", t.encoder().normEps());
    }

    /** Class logits (B, labels) with token pruning. */
    public NDArray logits(NDManager s, NDArray pixels, TokenPlan plan) {
        return Encoder.linear(hidden(s, pixels, plan).get(new NDIndex(":, 0, :")), store, "head");
    }

    public float[][] logits(float[][] images, TokenPlan plan) {
        return Inference.call(() -> {
            try (NDManager s = Devices.manager()) {
                return MultimodalModel.rows(logits(s, MultimodalModel.pixels(s, config.tower(), images), plan));
            }
        });
    }

    /** Class logits (B, labels). */
    public NDArray logits(NDManager s, NDArray pixels) {
        return Encoder.linear(hidden(s, pixels).get(new NDIndex(":, 0, :")), store, "head");
    }

    /** Class logits of images given in CHW order. */
    public float[][] logits(float[][] images) {
        return Inference.call(() -> {
            try (NDManager s = Devices.manager()) {
                return MultimodalModel.rows(logits(s, MultimodalModel.pixels(s, config.tower(), images)));
            }
        });
    }

    /** ViT's init: truncated-normal-like N(0, 0.02) matrices, CLS and positions; zero biases; norms at 1. */
    public static Map<String, Tensor> initialWeights(VitConfig c, Random random) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : VisionNames.expected(c).entrySet()) {
            long[] shape = e.getValue();
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] v = new float[n];
            String name = e.getKey();
            boolean norm = name.endsWith("norm.w");
            boolean random2d = shape.length == 2 || name.equals("cls");
            for (int i = 0; i < n; i++) {
                v[i] = norm ? 1f : random2d ? (float) (Math.max(-2, Math.min(2, random.nextGaussian())) * 0.02) : 0f;
            }
            w.put(name, new Tensor(shape, v));
        }
        return w;
    }

    /** A model of {@code config} with {@link #initialWeights} drawn from {@code seed}: for counts, timing and tests. */
    public static VitModel random(VitConfig config, long seed) {
        return new VitModel(config, initialWeights(config, new java.util.Random(seed)));
    }

    int liveArrays() { return store.liveArrays(); }

    @Override
    public void close() { store.close(); }
}
